import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventToAppend, RecordedEvent } from '@hotline/contracts';
import { SqliteEventStore } from '@hotline/infra/event-store';
import { ProjectionRunner, storeSource, type ProjectionSource } from '@hotline/infra/projection';
import { SqliteReadStore } from '@hotline/infra/read-store';
import { createLogger } from '@hotline/infra/telemetry';
import { CaseNoticeService, type SmsSender } from './case-notice.service';
import { loadPendingNotices, pendingNoticesProjection } from './pending-notices.projection';

const CASES = 30;
/** 23:00 Beijing time: inside the quiet hours, so every notice but the case number waits. */
const LATE_EVENING = new Date('2026-12-07T15:00:00.000Z');
/** 09:00 Beijing time the next morning: the held notices are due. */
const NEXT_MORNING = new Date('2026-12-08T01:00:00.000Z');
const logger = createLogger({ service: 'intake-test', level: 'silent' });

/** Test double of the SMS adapter (the SMPP path is tested in case-notices.int-spec.ts): records each text. */
class RecordingSmsSender implements SmsSender {
  readonly sent: Array<{ phone: string; text: string }> = [];
  send(phone: string, text: string): Promise<number> {
    this.sent.push({ phone, text });
    return Promise.resolve(1);
  }
}

/** The event store as the projection reads it, counting the events it hands over. */
function countingSource(source: ProjectionSource): { source: ProjectionSource; read: () => number } {
  let read = 0;
  return {
    read: () => read,
    source: {
      headPosition: () => source.headPosition(),
      start: (from, handlers) =>
        source.start(from, {
          ...handlers,
          onEvent: (event) => {
            read++;
            return handlers.onEvent(event);
          },
        }),
    },
  };
}

const metadata = (caseId: string): EventToAppend['metadata'] => ({
  correlationId: caseId,
  causationId: caseId,
  actor: { id: 'agent-1', role: 'agent' },
  districtId: 'gulou',
});

describe('case notices after a restart [SQLite event and read stores]', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readStore: SqliteReadStore;
  const sms = new RecordingSmsSender();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hotline-notices-'));
    store = SqliteEventStore.open({ path: join(dir, 'events.db') });
    readStore = SqliteReadStore.open({ path: join(dir, 'read-models.db') });
  });
  afterAll(async () => {
    await readStore.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One run of the process: the notices service, and the projection it recovers from. */
  async function startProcess(now: Date) {
    const counted = countingSource(storeSource(store));
    const service = new CaseNoticeService({
      commandDeps: { store, clock: { now: () => now } },
      quiet: { fromHour: 22, toHour: 8 },
      logger,
    });
    service.useSender(sms);
    const runner = new ProjectionRunner(pendingNoticesProjection(), {
      store: readStore,
      source: counted.source,
    });
    await runner.start();
    await runner.waitUntilCaughtUp();
    service.recover(await loadPendingNotices(readStore));
    return { service, runner, read: counted.read };
  }

  /** A web case with a mobile number, registered and signed by its lead unit (as the workflow writes them). */
  async function registeredAndSigned(i: number): Promise<RecordedEvent[]> {
    const caseId = `n${i}`;
    await store.append(
      `case-${caseId}`,
      [
        {
          id: `registered-${caseId}`,
          type: 'CaseRegistered',
          version: 1,
          time: LATE_EVENING.toISOString(),
          data: { caseId, caseNumber: `2026120700${i}`, channel: 'web', citizen: { phone: '13805910001' } },
          metadata: metadata(caseId),
        },
        {
          id: `signed-${caseId}`,
          type: 'CaseSigned',
          version: 1,
          time: LATE_EVENING.toISOString(),
          data: { caseId, unitId: 'unit-1', role: 'lead' },
          metadata: metadata(caseId),
        },
      ],
      'noStream',
    );
    return store.readStream(`case-${caseId}`);
  }

  it('finds the notices a stopped process left, reading only the notice events since its checkpoint, and sends each once', async () => {
    const first = await startProcess(LATE_EVENING);
    for (let i = 0; i < CASES; i++) {
      for (const event of await registeredAndSigned(i)) await first.service.handle(event);
    }
    // The case numbers went out at once; the signing notices wait for the morning.
    expect(sms.sent).toHaveLength(CASES);
    expect(first.service.pendingCount).toBe(CASES);
    await first.runner.stop();

    // While the projection is stopped, another instance handles 5 more cases the same way.
    const other = new CaseNoticeService({
      commandDeps: { store, clock: { now: () => LATE_EVENING } },
      quiet: { fromHour: 22, toHour: 8 },
      logger,
    });
    other.useSender(sms);
    for (let i = CASES; i < CASES + 5; i++) {
      for (const event of await registeredAndSigned(i)) await other.handle(event);
    }

    // The next start reads only those 5 cases' notice events (2 queued, 1 sent each), not the history.
    const second = await startProcess(NEXT_MORNING);
    expect(second.read()).toBe(5 * 3);
    expect(second.service.pendingCount).toBe(CASES + 5);
    expect(await second.service.deliverDue()).toBe(CASES + 5);
    expect(await second.service.deliverDue()).toBe(0);
    expect(sms.sent).toHaveLength(2 * (CASES + 5));
    expect(sms.sent.slice(CASES + 5).every((s) => s.text.includes('已由承办单位签收'))).toBe(true);
    await second.runner.stop();

    // Once sent, a notice is not pending at the next start, and nothing goes out twice.
    const third = await startProcess(NEXT_MORNING);
    expect(third.read()).toBeLessThanOrEqual(CASES + 5);
    expect(third.service.pendingCount).toBe(0);
    expect(await third.service.deliverDue()).toBe(0);
    expect(sms.sent).toHaveLength(2 * (CASES + 5));
    await third.runner.stop();
  });
});
