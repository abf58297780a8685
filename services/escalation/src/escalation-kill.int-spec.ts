import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chinaTime, chinaWorkingCalendar, type RecordedEvent } from '@hotline/contracts';
import { privateNats, type PrivateNats } from '@hotline/infra/bus/testing';
import { PostgresEventStore } from '@hotline/infra/event-store/postgres';
import { createTemporaryDatabase, type TemporaryDatabase } from '@hotline/infra/postgres/testing';

const ROOT = join(__dirname, '../../..');
const CASES = 40;
/** sign-by, return-by, due-soon, overdue: all passed at the clock's instant. */
const POINTS_PER_CASE = 4;
/** The default ESCALATION_REMINDER_POINTS: sign-by, due-soon and overdue remind the unit. */
const REMINDERS_PER_CASE = 3;
const calendar = chinaWorkingCalendar();

const waitUntil = async (what: string, condition: () => Promise<boolean> | boolean, ms = 90_000) => {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

/**
 * The escalation service in its own process, SIGKILLed while the reminders of 40 overdue cases go
 * out by SMS, then started again: every reminder is sent exactly once in the log (one
 * `ReminderSent` per due point, one delivered attempt each), none is lost, and the channel heard at
 * most the one send in flight at the kill again, under the same notice id.
 */
describe('escalation killed while reminders are going out', () => {
  const dispatchedAt = chinaTime('2026-11-02', '09:00');
  /** Past every case's deadline (two working days), so all four points are due at start. */
  const now = chinaTime('2026-11-04', '13:00');
  let dir: string;
  let sentFile: string;
  let nats: PrivateNats;
  let database: TemporaryDatabase;
  let store: PostgresEventStore;
  const children: ChildProcess[] = [];
  let output = '';

  const start = (args: string[]): ChildProcess => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        HOTLINE_MODE: 'distributed',
        NATS_URL: nats.url,
        EVENT_STORE: 'postgres',
        READ_STORE: 'postgres',
        POSTGRES_URL: database.url,
        HOTLINE_DATA_DIR: dir,
        HTTP_PORT: '0',
        HTTP_HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ESCALATION_TICK_MS: '50',
        ESCALATION_AUTO_SUPERVISION: 'false',
        ESCALATION_REMINDER_CHANNELS: 'sms',
      },
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    children.push(child);
    return child;
  };
  const startEscalation = () =>
    start(['services/escalation/src/testing/escalation-process.ts', now.toISOString(), sentFile]);
  const sentLines = (): string[] =>
    existsSync(sentFile) ? readFileSync(sentFile, 'utf8').split('\n').filter(Boolean) : [];
  const ofType = (type: string): Promise<RecordedEvent[]> =>
    store.readAll({ filter: { eventTypes: [type] } });
  /** The SMS attempts (the portal's is recorded with the sending). */
  const smsAttempts = async () =>
    (await ofType('ReminderDeliveryAttempted'))
      .map((e) => e.data as { reminderId: string; channel: string; attempt: number; outcome: string })
      .filter((a) => a.channel === 'sms');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotline-escalation-kill-'));
    sentFile = join(dir, 'sent.txt');
    nats = await privateNats(dir);
    database = await createTemporaryDatabase('escalation_kill');
    store = await PostgresEventStore.open({ url: database.url });
    const signBy = calendar.addWorkingDays(dispatchedAt, 1).toISOString();
    const dueAt = calendar.addWorkingDays(dispatchedAt, 2).toISOString();
    for (let i = 0; i < CASES; i++) {
      await store.append(
        `case-k${i}`,
        [
          {
            id: `dispatch-k${i}`,
            type: 'CaseDispatched',
            version: 1,
            time: dispatchedAt.toISOString(),
            data: {
              caseId: `k${i}`,
              lead: { unitId: 'housing', signBy, returnBy: signBy },
              coHandlers: [],
              dueAt,
              limitWorkingDays: 2,
            },
            metadata: {
              correlationId: `k${i}`,
              causationId: `k${i}`,
              actor: { id: 'agent-1', role: 'agent' },
              districtId: 'city',
            },
          },
        ],
        'noStream',
      );
    }
    // The relay publishes the store to JetStream, where the reminder consumers read.
    start(['services/relay/src/main.ts']);
  }, 60_000);

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(children.map(exited));
    await store?.close();
    await nats?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends each reminder once after a SIGKILL in the middle, losing none', async () => {
    const reminders = CASES * REMINDERS_PER_CASE;
    const began = Date.now();
    const first = startEscalation();
    await waitUntil(
      'a sixth of the reminders went out',
      () => sentLines().length >= reminders / 6 || first.exitCode !== null,
      240_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${output.slice(-3000)}`);
    });
    first.kill('SIGKILL');
    await exited(first);
    const atKill = sentLines().length;
    const killedAt = Date.now();
    expect(atKill).toBeLessThan(reminders);

    startEscalation();
    // The one event in flight at the kill comes back after JetStream's ack wait (30 s).
    await waitUntil(
      'every reminder is delivered',
      async () => (await smsAttempts()).length >= reminders,
      240_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${output.slice(-3000)}`);
    });
    const doneAt = Date.now();
    // A moment more, so that a doubled firing, reminder or delivery would have time to show.
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const fired = (await ofType('CaseDeadlinePointReached')).map((e) => {
      const data = e.data as { caseId: string; point: string };
      return `${data.caseId}/${data.point}`;
    });
    expect(fired).toHaveLength(CASES * POINTS_PER_CASE);
    expect(new Set(fired).size).toBe(CASES * POINTS_PER_CASE);

    const sent = (await ofType('ReminderSent')).map((e) => e.data as { reminderId: string; point: string });
    expect(sent).toHaveLength(reminders);
    const ids = new Set(sent.map((s) => s.reminderId));
    expect(ids.size).toBe(reminders);

    const attempts = await smsAttempts();
    expect(attempts).toHaveLength(reminders);
    expect(new Set(attempts.map((a) => a.reminderId))).toEqual(ids);
    expect(attempts.every((a) => a.attempt === 1 && a.outcome === 'delivered')).toBe(true);

    // The channel heard every reminder; a second send only for the one in flight at the kill.
    const lines = sentLines();
    expect(new Set(lines)).toEqual(new Set([...ids].map((id) => `${id} sms`)));
    expect(lines.length - reminders).toBeLessThanOrEqual(1);
    process.stderr.write(
      `escalation SIGKILLed ${killedAt - began} ms after its start, ${atKill} of ${reminders} reminders sent; ` +
        `all delivered ${doneAt - killedAt} ms after the kill, ${lines.length} sends for ${reminders} reminders\n`,
    );
  }, 600_000);
});
