import { ValidationError, type RecordedEvent } from '@hotline/contracts';
import type { ConsumeOptions, DeliveryContext, EventConsumer } from '../event-bus.port';
import { busEvent, DeliveryLog, type EmittedEvent, type EventBusHarness } from './event-bus-harness';

export interface EventBusContractOptions {
  /** Why the adapter's log cannot hold a payload that is not a recorded event (the test shows as skipped). */
  noRawPayloads?: string;
}

/** Every test gets its own harness (its own log and consumers); consumers left running are stopped. */
export function describeEventBusContract(
  adapterName: string,
  factory: () => Promise<EventBusHarness>,
  options: EventBusContractOptions = {},
): void {
  describe(`EventBus contract [${adapterName}]`, () => {
    let harness: EventBusHarness;
    let consumers: EventConsumer[];

    beforeEach(async () => {
      harness = await factory();
      consumers = [];
    });

    afterEach(async () => {
      await Promise.all(consumers.map((c) => c.stop()));
      await harness.close();
    });

    const consume = async (
      options: ConsumeOptions,
      log: DeliveryLog,
      behave?: (event: RecordedEvent, context: DeliveryContext) => unknown,
    ): Promise<EventConsumer> => {
      const consumer = await harness.bus.consume(options, async (event, context) => {
        log.record(event, context);
        await behave?.(event, context);
      });
      consumers.push(consumer);
      return consumer;
    };
    const labelOf = (event: RecordedEvent): string => (event.data as { label: string }).label;
    const series = (prefix: string, count: number, streamId = 'case-1', type = 'CaseNoted'): EmittedEvent[] =>
      Array.from({ length: count }, (_, i) => busEvent(streamId, type, `${prefix}${i + 1}`));

    it('delivers every event once, in log order, on first delivery', async () => {
      const events = [
        ...series('a', 10, 'case-1'),
        ...series('b', 10, 'unit-7', 'UnitNoted'),
        ...series('c', 10, 'case-2'),
      ];
      await harness.emit(events);
      const log = new DeliveryLog();
      await consume({ durableName: 'all' }, log);
      await log.waitFor('c10');
      expect(log.labels()).toEqual(events.map((e) => (e.event.data as { label: string }).label));
      expect(log.deliveries.every((d) => d.deliveryCount === 1)).toBe(true);
    });

    it('delivers only what the filter selects: event types, stream prefixes, or both', async () => {
      await harness.emit([
        busEvent('case-1', 'CaseFiled', 'filed'),
        busEvent('case-1', 'CaseNoted', 'noted'),
        busEvent('unit-7', 'CaseFiled', 'unit-filed'),
        busEvent('casefile-3', 'CaseClosed', 'casefile-closed'),
        busEvent('case-1', 'CaseClosed', 'closed'),
        busEvent('case-2', 'CaseFiled', 'end'),
      ]);
      const byTypes = new DeliveryLog();
      const byPrefix = new DeliveryLog();
      const byBoth = new DeliveryLog();
      await consume({ durableName: 'types', filter: { eventTypes: ['CaseFiled', 'CaseClosed'] } }, byTypes);
      await consume({ durableName: 'prefix', filter: { streamPrefixes: ['unit-', 'casefile'] } }, byPrefix);
      await consume(
        { durableName: 'both', filter: { eventTypes: ['CaseFiled'], streamPrefixes: ['case-'] } },
        byBoth,
      );
      await Promise.all([byTypes.waitFor('end'), byPrefix.waitFor('casefile-closed'), byBoth.waitFor('end')]);
      expect(byTypes.labels()).toEqual(['filed', 'unit-filed', 'casefile-closed', 'closed', 'end']);
      expect(byPrefix.labels()).toEqual(['unit-filed', 'casefile-closed']);
      expect(byBoth.labels()).toEqual(['filed', 'end']);
    });

    it('redelivers a failed event, with deliveryCount 2, before any later event', async () => {
      await harness.emit(series('e', 4));
      const log = new DeliveryLog();
      let failed = false;
      await consume({ durableName: 'retry' }, log, (event) => {
        if (labelOf(event) === 'e2' && !failed) {
          failed = true;
          throw new Error('transient');
        }
      });
      await log.waitFor('e4');
      expect(log.deliveries.map((d) => `${d.label}#${d.deliveryCount}`)).toEqual([
        'e1#1',
        'e2#1',
        'e2#2',
        'e3#1',
        'e4#1',
      ]);
    });

    it('dead-letters an event that fails maxDeliveries times, with the reason, and moves on', async () => {
      const events = series('e', 3);
      await harness.emit(events);
      const log = new DeliveryLog();
      await consume({ durableName: 'poison', maxDeliveries: 3 }, log, (event) => {
        if (labelOf(event) === 'e2') throw new Error('boom: cannot project');
      });
      await log.waitFor('e3');
      expect(log.deliveries.map((d) => `${d.label}#${d.deliveryCount}`)).toEqual([
        'e1#1',
        'e2#1',
        'e2#2',
        'e2#3',
        'e3#1',
      ]);
      const letters = await harness.deadLetters('poison');
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({
        consumer: 'poison',
        deliveryCount: 3,
        event: { id: events[1]?.event.id },
      });
      expect(letters[0]?.reason).toContain('boom: cannot project');
    });

    it('dead-letters an event that fails validate at once, without calling the handler', async () => {
      const bad = busEvent('case-1', 'CaseBroken', 'bad');
      await harness.emit([
        busEvent('case-1', 'CaseNoted', 'before'),
        bad,
        busEvent('case-1', 'CaseNoted', 'after'),
      ]);
      const log = new DeliveryLog();
      const validate = (event: RecordedEvent) => {
        if (event.type === 'CaseBroken') throw new ValidationError('data.label', 'schema says no');
      };
      await consume({ durableName: 'validated', validate }, log);
      await log.waitFor('after');
      expect(log.labels()).toEqual(['before', 'after']);
      const letters = await harness.deadLetters('validated');
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({ deliveryCount: 1, event: { id: bad.event.id } });
      expect(letters[0]?.reason).toContain('schema says no');
    });

    const rawTitle = 'dead-letters a payload that is not a recorded event at once, and moves on';
    if (options.noRawPayloads !== undefined)
      it.skip(`${rawTitle} — not applicable: ${options.noRawPayloads}`, () => {});
    else
      it(rawTitle, async () => {
        if (harness.emitRaw === undefined) throw new Error('the harness cannot emit raw payloads');
        await harness.emit([busEvent('case-1', 'CaseNoted', 'before')]);
        await harness.emitRaw('this is not json');
        await harness.emitRaw(JSON.stringify({ hello: 'world' }));
        await harness.emit([busEvent('case-1', 'CaseNoted', 'after')]);
        const log = new DeliveryLog();
        await consume({ durableName: 'garbage' }, log);
        await log.waitFor('after');
        expect(log.labels()).toEqual(['before', 'after']);
        const letters = await harness.deadLetters('garbage');
        expect(letters.map((l) => ({ raw: l.raw, event: l.event, deliveryCount: l.deliveryCount }))).toEqual([
          { raw: 'this is not json', event: null, deliveryCount: 1 },
          { raw: JSON.stringify({ hello: 'world' }), event: null, deliveryCount: 1 },
        ]);
        expect(letters.every((l) => l.reason.startsWith('undecodable'))).toBe(true);
      });

    it('delivers an event emitted twice with the same id once', async () => {
      const [first, second, third] = series('e', 3);
      await harness.emit([first!, second!]);
      await harness.emit([first!]);
      await harness.emit([third!]);
      const log = new DeliveryLog();
      await consume({ durableName: 'dedup' }, log);
      await log.waitFor('e3');
      expect(log.labels()).toEqual(['e1', 'e2', 'e3']);
    });

    it('resumes a durable consumer after the last event it acknowledged', async () => {
      await harness.emit(series('old', 3));
      const before = new DeliveryLog();
      const first = await consume({ durableName: 'resumable' }, before);
      await before.waitFor('old3');
      await first.stop();
      await harness.emit(series('new', 2));
      const after = new DeliveryLog();
      await consume({ durableName: 'resumable' }, after);
      await after.waitFor('new2');
      expect(before.labels()).toEqual(['old1', 'old2', 'old3']);
      expect(after.labels()).toEqual(['new1', 'new2']);
    });

    it('stop() waits for the handler in flight, acknowledges its event and delivers nothing after', async () => {
      await harness.emit(series('e', 2));
      const steps: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const inHandler = new Promise<void>((resolve) => (started = resolve));
      const log = new DeliveryLog();
      const consumer = await consume({ durableName: 'draining' }, log, async (event) => {
        if (labelOf(event) !== 'e1') return;
        started();
        await held;
        steps.push('handler finished');
      });
      await inHandler;
      const stopped = consumer.stop().then(() => steps.push('stopped'));
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      expect(steps).toEqual([]);
      release();
      await stopped;
      expect(steps).toEqual(['handler finished', 'stopped']);
      expect(log.labels()).toEqual(['e1']);
      const resumed = new DeliveryLog();
      await consume({ durableName: 'draining' }, resumed);
      await resumed.waitFor('e2');
      expect(resumed.labels()).toEqual(['e2']);
    });

    it('rejects bad consume options, naming the field', async () => {
      const noop = async () => {};
      await expect(harness.bus.consume({ durableName: 'has space' }, noop)).rejects.toMatchObject({
        kind: 'validation',
        field: 'durableName',
      });
      await expect(harness.bus.consume({ durableName: 'ok', maxDeliveries: 0 }, noop)).rejects.toMatchObject({
        kind: 'validation',
        field: 'maxDeliveries',
      });
      await expect(
        harness.bus.consume({ durableName: 'ok', filter: { eventTypes: ['Not.A.Token'] } }, noop),
      ).rejects.toMatchObject({
        kind: 'validation',
        field: 'filter.eventTypes.0',
      });
    });
  });
}
