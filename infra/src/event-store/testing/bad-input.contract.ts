import { ValidationError, type EventToAppend } from '@hotline/contracts';
import type { EventStore } from '../event-store.port';
import { type ContractFixture, newEvent, newEvents, rejectionOf, thrownBy } from './contract-fixture';

type Append = Parameters<EventStore['append']>;

/** Malformed input is refused with a ValidationError naming the field, and changes nothing. */
export function describeBadInputContract(fixture: () => ContractFixture): void {
  describe('bad input', () => {
    const withEvent = (patch: Record<string, unknown>): EventToAppend[] => [
      newEvent(),
      { ...newEvent(), ...patch },
    ];
    const cases: [string, (stream: string) => Append][] = [
      ['streamId', () => ['', [newEvent()], 'any']],
      ['streamId', () => [42 as unknown as string, [newEvent()], 'any']],
      ['streamId', () => ['has space', [newEvent()], 'any']],
      ['events', (s) => [s, [], 'any']],
      ['events', (s) => [s, 'nope' as unknown as EventToAppend[], 'any']],
      ['expected', (s) => [s, [newEvent()], -1]],
      ['expected', (s) => [s, [newEvent()], 'latest' as unknown as number]],
      ['expected', (s) => [s, [newEvent()], 1.5]],
      ['events[1].id', (s) => [s, withEvent({ id: '' }), 'any']],
      ['events[1].id', (s) => [s, withEvent({ id: 'white space' }), 'any']],
      ['events[1].type', (s) => [s, withEvent({ type: '' }), 'any']],
      ['events[1].version', (s) => [s, withEvent({ version: 0 }), 'any']],
      ['events[1].time', (s) => [s, withEvent({ time: 'yesterday' }), 'any']],
      ['events[1].data', (s) => [s, withEvent({ data: undefined }), 'any']],
      ['events[1].data.when', (s) => [s, withEvent({ data: { when: new Date() } }), 'any']],
      ['events[1].data.count', (s) => [s, withEvent({ data: { count: 10n } }), 'any']],
      ['events[1].data.list[1]', (s) => [s, withEvent({ data: { list: [1, Number.NaN] } }), 'any']],
      ['events[1].data.run', (s) => [s, withEvent({ data: { run: () => 1 } }), 'any']],
      [
        'events[1].metadata.districtId',
        (s) => [s, withEvent({ metadata: { ...newEvent().metadata, districtId: 'Not A Slug' } }), 'any'],
      ],
      ['events[1].metadata', (s) => [s, withEvent({ metadata: null }), 'any']],
      ['events[1]', (s) => [s, [newEvent(), null as unknown as EventToAppend], 'any']],
      [
        'events[1].id',
        (s) => {
          const [a] = newEvents(1);
          return [s, [a!, { ...newEvent(), id: a!.id }], 'any'];
        },
      ],
    ];

    it.each(cases)('rejects a bad %s and stores nothing', async (field, build) => {
      const { store, unique } = fixture();
      const stream = unique('bad');
      const error = await rejectionOf(store.append(...build(stream)));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ kind: 'validation', field });
      await expect(store.readStream(stream)).rejects.toMatchObject({ code: 'STREAM_NOT_FOUND' });
    });

    it('rejects a circular data object', async () => {
      const { store, unique } = fixture();
      const data: Record<string, unknown> = {};
      data.self = data;
      const error = await rejectionOf(store.append(unique('bad'), [{ ...newEvent(), data }], 'any'));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toMatch(/^events\[0\]\.data(\.self)+$/);
    });

    it('rejects bad read options naming the option', async () => {
      const { store, unique } = fixture();
      const stream = unique('bad-read');
      await store.append(stream, [newEvent()], 'noStream');
      await expect(store.readStream('')).rejects.toMatchObject({ kind: 'validation', field: 'streamId' });
      await expect(store.readStream(stream, { fromRevision: -1 })).rejects.toMatchObject({
        field: 'options.fromRevision',
      });
      await expect(store.readStream(stream, { maxCount: 0 })).rejects.toMatchObject({
        field: 'options.maxCount',
      });
      await expect(store.readStream(stream, { direction: 'sideways' as 'forwards' })).rejects.toMatchObject({
        field: 'options.direction',
      });
      await expect(store.readAll({ fromPosition: -5 })).rejects.toMatchObject({
        field: 'options.fromPosition',
      });
      await expect(store.readAll({ filter: { eventTypes: [] } })).rejects.toMatchObject({
        field: 'options.filter.eventTypes',
      });
      await expect(store.readAll({ filter: { streamPrefixes: ['ok', ''] } })).rejects.toMatchObject({
        field: 'options.filter.streamPrefixes[1]',
      });
      expect(() => store.subscribeToAll({ fromPosition: 1.5 })).toThrow(ValidationError);
      expect(thrownBy(() => store.subscribeToAll({ filter: { eventTypes: [''] } }))).toMatchObject({
        field: 'options.filter.eventTypes[0]',
      });
    });
  });
}
