import { ValidationError, type RecordedEvent } from '@hotline/contracts';
import { DEFAULT_TOPOLOGY, eventSubjectOf, filterSubjectsOf, resolveTopology } from './jetstream-topology';

const event = (streamId: string, type: string, districtId = 'haidian'): RecordedEvent => ({
  id: 'e-1',
  type,
  version: 1,
  data: {},
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'agent' }, districtId },
  time: '2024-05-06T09:30:00.000+08:00',
  streamId,
  revision: 0,
  position: 1,
});

describe('JetStream topology', () => {
  it('defaults to the contracts subject scheme and stream names', () => {
    expect(DEFAULT_TOPOLOGY).toEqual({
      eventsStream: 'HOTLINE_EVENTS',
      dlqStream: 'HOTLINE_DLQ',
      eventsSubjectPrefix: 'hotline.evt',
      dlqSubjectPrefix: 'hotline.dlq',
    });
    expect(eventSubjectOf(DEFAULT_TOPOLOGY, event('case-42', 'CaseFiled'))).toBe(
      'hotline.evt.haidian.case.CaseFiled',
    );
  });

  it('puts events under a configured prefix', () => {
    const topology = resolveTopology({ eventsSubjectPrefix: 'test1.evt', dlqSubjectPrefix: 'test1.dlq' });
    expect(eventSubjectOf(topology, event('unit-7', 'UnitRenamed', 'city'))).toBe(
      'test1.evt.city.unit.UnitRenamed',
    );
  });

  it('turns event types and whole-category stream prefixes into subject filters', () => {
    const t = DEFAULT_TOPOLOGY;
    expect(filterSubjectsOf(t, undefined)).toEqual(['hotline.evt.*.*.*']);
    expect(filterSubjectsOf(t, { eventTypes: ['CaseFiled', 'CaseClosed'] })).toEqual([
      'hotline.evt.*.*.CaseFiled',
      'hotline.evt.*.*.CaseClosed',
    ]);
    expect(filterSubjectsOf(t, { streamPrefixes: ['case-', 'unit-12'], eventTypes: ['X'] })).toEqual([
      'hotline.evt.*.case.X',
      'hotline.evt.*.unit.X',
    ]);
  });

  it('keeps the category a wildcard when a prefix does not name a whole category', () => {
    expect(filterSubjectsOf(DEFAULT_TOPOLOGY, { streamPrefixes: ['case-', 'cas'] })).toEqual([
      'hotline.evt.*.*.*',
    ]);
  });

  it('rejects bad stream names and prefixes, naming the field', () => {
    expect(() => resolveTopology({ eventsStream: 'has.dot' })).toThrow(
      new ValidationError('eventsStream', 'must be 1-64 characters of A-Z a-z 0-9 _ -'),
    );
    expect(() => resolveTopology({ dlqSubjectPrefix: 'a.>' })).toThrow(
      new ValidationError('dlqSubjectPrefix', 'must be a subject without wildcards'),
    );
    expect(() => resolveTopology({ dlqSubjectPrefix: 'hotline.evt' })).toThrow(
      new ValidationError('dlqSubjectPrefix', 'must differ from eventsSubjectPrefix'),
    );
  });
});
