import { newEvent } from '../testing';
import { validateAppend } from '../validate-append';
import { kurrentEventId, matches, toEventData } from './kurrentdb-mapping';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('KurrentDB mapping', () => {
  it('keeps UUID event ids and derives stable name-based UUIDs from other ids', () => {
    expect(kurrentEventId('4BF92F35-77B3-4DA6-A3CE-929D0E0E4736')).toBe(
      '4bf92f35-77b3-4da6-a3ce-929d0e0e4736',
    );
    const derived = kurrentEventId('cmd-42:event-0');
    expect(derived).toMatch(UUID_V5);
    expect(kurrentEventId('cmd-42:event-0')).toBe(derived);
    expect(kurrentEventId('cmd-42:event-1')).not.toBe(derived);
  });

  it('stores version, time, original id and correlation in the event metadata', () => {
    const [validated] = validateAppend('case-1', [{ ...newEvent('CaseRegistered'), id: 'evt-1' }], 'any');
    const data = toEventData(validated!);
    expect(data).toMatchObject({
      id: kurrentEventId('evt-1'),
      type: 'CaseRegistered',
      contentType: 'application/json',
    });
    expect(data.metadata).toMatchObject({
      id: 'evt-1',
      version: 1,
      time: validated!.time,
      $correlationId: validated!.metadata.correlationId,
      metadata: validated!.metadata,
    });
  });

  it('ANDs event types and stream prefixes when filtering on the client side', () => {
    const event = { ...newEvent('A'), streamId: 'case-1', revision: 0, position: 1 };
    expect(matches(event, { eventTypes: ['A'], streamPrefixes: ['case-'] })).toBe(true);
    expect(matches(event, { eventTypes: ['B'], streamPrefixes: ['case-'] })).toBe(false);
    expect(matches(event, { eventTypes: ['A'], streamPrefixes: ['unit-'] })).toBe(false);
  });
});
