/**
 * Sustained intake in the embedded mode: virtual clients submit contacts across channels back to
 * back for a fixed time, through the bus to the intake service (classification, duplicate detection
 * against a large number of open cases, the contact appended to SQLite with full durability) and on
 * to the real workflow service for the clear ones. Reports throughput and latency percentiles, and
 * checks that every contact was recorded exactly once (the store and the contact log hold each id
 * once). Closed loop: an open loop beyond capacity only measures the queue.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { INTAKE_SERVICE, commandSubject, querySubject, type ContactReceipt } from '@hotline/contracts';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema, startServices } from '@hotline/infra/platform';
import { createIntakeService, intakeConfigSchema, IntakeReadModels } from '@hotline/intake';
import { workflowService } from '@hotline/workflow';
import { firstValueFrom } from 'rxjs';
import { seedCaseFingerprints } from '../services/intake/src/testing/seed-case-fingerprints';
import type { BenchResult, Benchmark } from './bench-kit';
import { contactOf, openCases } from './intake-load';

const TARGET_PER_SECOND = 1_000;
const FULL_SECONDS = 60;
const FULL_OPEN_CASES = 1_000_000;
/** Contacts in flight at any time: agents, portal users and gateways submitting at once. */
const CLIENTS = 64;

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export const run: Benchmark = async (context) => {
  const seconds = Math.max(5, Math.round(FULL_SECONDS * context.scale));
  const openCaseCount = Math.max(1_000, Math.round(FULL_OPEN_CASES * context.scale));
  const config = loadConfig(
    platformConfigSchema,
    {
      HOTLINE_MODE: 'embedded',
      HOTLINE_DATA_DIR: context.tmpDir,
      EVENT_STORE_PATH: join(context.tmpDir, 'events.db'),
      LOG_LEVEL: 'error',
      HOTLINE_TRACE_EXPORTER: 'none',
      HOTLINE_REQUEST_TIMEOUT_MS: '60000',
    },
    'intake-bench',
  );
  const platform = await Platform.open('hotline', config);
  const intake = createIntakeService({
    config: loadConfig(
      intakeConfigSchema,
      { INTAKE_SEED_KNOWLEDGE: 'true', INTAKE_FLOOD_MAX_PER_WINDOW: '10000' },
      'intake-bench',
    ),
  });
  const running = await startServices(platform, [workflowService, intake], {
    port: 0,
    host: '127.0.0.1',
    handleSignals: false,
  });
  const readModels = running.app.get(IntakeReadModels);
  try {
    await readModels.caughtUp();
    const seedStart = performance.now();
    seedCaseFingerprints(readModels.fingerprints, openCases(openCaseCount, new Date().toISOString()));
    const seedSeconds = (performance.now() - seedStart) / 1000;

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

    const start = performance.now();
    const deadline = start + seconds * 1000;
    const client$ = async () => {
      while (performance.now() < deadline) await submit(sent++);
    };
    await Promise.all(Array.from({ length: CLIENTS }, client$));
    const elapsedSeconds = (performance.now() - start) / 1000;

    // Proof of "recorded once": every contact id is in the store once, and in the contact log once.
    const recorded = await platform.eventStore.readAll({ filter: { eventTypes: ['ContactRecorded'] } });
    const ids = recorded
      .map((e) => (e.data as { contactId: string }).contactId)
      .filter((id) => id.startsWith(`bench-${tag}-`));
    await readModels.waitFor('contacts', recorded.at(-1)?.position);
    const logged = await platform.readStore
      .collection('intake_contacts')
      .countDocuments({ _id: { $regex: `^bench-${tag}-` } });
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
    const result: BenchResult = {
      name: `intake: sustained SubmitContact, ${openCaseCount.toLocaleString('en-US')} open cases (embedded)`,
      unit: 'contact',
      ours: { ops: latencies.length, seconds: elapsedSeconds },
      goal: { minPerSecond: TARGET_PER_SECOND },
      notes:
        `${CLIENTS} clients for ${seconds} s; p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms, ` +
        `max ${(sorted.at(-1) ?? 0).toFixed(1)} ms; failed ${failed}; outcomes ${JSON.stringify(Object.fromEntries(outcomes))}; ` +
        `recorded once: ${once ? 'yes' : 'NO'} (${new Set(ids).size} ids in the store, ${logged} in the contact log, ${sent} sent); ` +
        `caller history p99 ${percentile(history, 0.99).toFixed(1)} ms over ${logged} contacts; open cases seeded in ${seedSeconds.toFixed(1)} s`,
    };
    console.log(result.notes);
    return [result];
  } finally {
    await running.close();
  }
};
