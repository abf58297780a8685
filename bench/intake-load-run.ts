import { INTAKE_SERVICE, commandSubject, querySubject, type ContactReceipt } from '@hotline/contracts';
import type { Platform, RunningServices } from '@hotline/infra/platform';
import { IntakeReadModels } from '@hotline/intake';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { firstValueFrom } from 'rxjs';
import { seedCaseFingerprints } from '../services/intake/src/testing/seed-case-fingerprints';
import type { BenchResult } from './bench-kit';
import { contactOf, openCases } from './intake-load';

const TARGET_PER_SECOND = { embedded: 1_000, distributed: 300 } as const;
/** Contacts in flight at any time: agents, portal users and gateways submitting at once. */
const CLIENTS = 64;
/** How long the contact log may take to catch up before the count is taken as it is. */
const CATCH_UP_MS = 180_000;

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export interface IntakeLoadOptions {
  mode: 'embedded' | 'distributed';
  platform: Platform;
  running: RunningServices;
  seconds: number;
  openCaseCount: number;
}

/**
 * The closed-loop load of the intake benchmark on a running platform: open cases loaded straight
 * into the duplicate index, then `CLIENTS` virtual clients submitting contacts across channels
 * back to back over the platform's bus for `seconds`, then the proof that every contact was
 * recorded once (the store and the contact log hold each id once) and the screen-pop latency.
 */
export async function runIntakeLoad(options: IntakeLoadOptions): Promise<BenchResult> {
  const { platform, running, seconds, openCaseCount, mode } = options;
  const readModels = running.app.get(IntakeReadModels);
  await readModels.caughtUp();
  const seedStart = performance.now();
  seedCaseFingerprints(readModels.fingerprints, openCases(openCaseCount, new Date().toISOString()));
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const heapMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);

  const client = platform.client();
  const tag = randomUUID().slice(0, 8);
  const latencies: number[] = [];
  const outcomes = new Map<string, number>();
  let sent = 0;
  let failed = 0;
  const submit = async (i: number) => {
    const data = contactOf(i, tag);
    const started = performance.now();
    try {
      const receipt = await firstValueFrom(
        client.send<ContactReceipt>(commandSubject(INTAKE_SERVICE, 'SubmitContact'), {
          commandId: `bench-${tag}-${i}`,
          type: 'SubmitContact',
          data,
          metadata: {
            correlationId: `bench-${tag}-${i}`,
            actor: { id: 'bench', role: 'system' },
            districtId: 'city',
          },
        }),
      );
      latencies.push(performance.now() - started);
      const outcome = receipt.outcome ?? (receipt.quarantine ? 'quarantined' : 'open');
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    } catch {
      failed++;
    }
  };

  const loadBefore = loadavg()[0] ?? 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const client$ = async () => {
    while (performance.now() < deadline) await submit(sent++);
  };
  await Promise.all(Array.from({ length: CLIENTS }, client$));
  const elapsedSeconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  // What one core of this process did per second of CPU: the rate an otherwise idle core would give.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const loadAfter = loadavg()[0] ?? 0;

  // Proof of "recorded once": every contact id is in the store once, and in the contact log once.
  const recorded = await platform.eventStore.readAll({ filter: { eventTypes: ['ContactRecorded'] } });
  const ids = recorded
    .map((e) => (e.data as { contactId: string }).contactId)
    .filter((id) => id.startsWith(`bench-${tag}-`));
  const caughtUp = performance.now();
  let logged = 0;
  while (performance.now() - caughtUp < CATCH_UP_MS) {
    logged = await platform.readStore
      .collection('intake_contacts')
      .countDocuments({ _id: { $regex: `^bench-${tag}-` } });
    if (logged >= sent) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const catchUpSeconds = (performance.now() - caughtUp) / 1000;
  // The screen pop: a caller's history from the phone index, with the log as large as the run left it.
  const history: number[] = [];
  for (let i = 0; i < 200; i++) {
    const { phone } = (contactOf(i * 37, tag) as { caller: { phone: string } }).caller;
    const asked = performance.now();
    await firstValueFrom(
      client.send(querySubject(INTAKE_SERVICE, 'GetCallerHistory'), {
        viewer: { actor: { id: 'bench', role: 'agent' }, districtId: 'city' },
        phone,
      }),
    );
    history.push(performance.now() - asked);
  }
  history.sort((a, b) => a - b);
  await client.close();
  const once = ids.length === sent && new Set(ids).size === sent && logged === sent && failed === 0;
  const sorted = [...latencies].sort((a, b) => a - b);
  const notes =
    `${CLIENTS} clients for ${seconds} s; p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms, ` +
    `max ${(sorted.at(-1) ?? 0).toFixed(1)} ms; failed ${failed}; outcomes ${JSON.stringify(Object.fromEntries(outcomes))}; ` +
    `recorded once: ${once ? 'yes' : 'NO'} (${new Set(ids).size} ids in the store, ${logged} in the contact log ` +
    `${catchUpSeconds.toFixed(1)} s after the load, ${sent} sent); caller history p99 ${percentile(history, 0.99).toFixed(1)} ms; ` +
    `${openCaseCount.toLocaleString('en-US')} open cases loaded into the duplicate index in ${seedSeconds.toFixed(1)} s (heap ${heapMb} MB); ` +
    `machine load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after; ` +
    `this process used ${cpuSeconds.toFixed(1)} CPU-s (${(cpuSeconds / elapsedSeconds).toFixed(2)} cores), ` +
    `${Math.round(latencies.length / cpuSeconds)} contacts per CPU-second`;
  console.log(notes);
  return {
    name: `intake: sustained SubmitContact, ${openCaseCount.toLocaleString('en-US')} open cases (${mode})`,
    unit: 'contact',
    ours: { ops: latencies.length, seconds: elapsedSeconds },
    goal: { minPerSecond: TARGET_PER_SECOND[mode] },
    notes,
  };
}
