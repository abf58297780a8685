import { deriveEventId } from './derive-event-id';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('deriveEventId', () => {
  it('gives the same UUID for the same stream, command and index', () => {
    expect(deriveEventId('case-1', 'cmd-1', 0)).toBe(deriveEventId('case-1', 'cmd-1', 0));
    expect(deriveEventId('case-1', 'cmd-1', 0)).toMatch(UUID_V5);
  });

  it('gives different ids when the stream, the command or the index differ', () => {
    const ids = new Set([
      deriveEventId('case-1', 'cmd-1', 0),
      deriveEventId('case-2', 'cmd-1', 0),
      deriveEventId('case-1', 'cmd-2', 0),
      deriveEventId('case-1', 'cmd-1', 1),
    ]);
    expect(ids.size).toBe(4);
  });
});
