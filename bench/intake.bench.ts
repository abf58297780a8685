/**
 * Sustained intake (issue 4): virtual clients submit contacts across channels back to back for a
 * fixed time, through the bus to the intake service (classification, duplicate detection against a
 * million open cases, the contact appended to SQLite with full durability) and on to the real
 * workflow service for the clear ones; throughput, latency percentiles, and the proof that every
 * contact was recorded exactly once. Closed loop: an open loop beyond capacity only measures the
 * queue. Embedded (in-process bus) and distributed (NATS request/reply, the relay feeding
 * JetStream, the projections reading it); BENCH_INTAKE_MODE=embedded|distributed runs one.
 */
import { join } from 'node:path';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema, startServices } from '@hotline/infra/platform';
import { createIntakeService, intakeConfigSchema } from '@hotline/intake';
import { workflowService } from '@hotline/workflow';
import type { BenchResult, Benchmark } from './bench-kit';
import { startDistributedIntake } from './intake-distributed';
import { runIntakeLoad } from './intake-load-run';

const FULL_SECONDS = 60;
const FULL_OPEN_CASES = 1_000_000;

export const intakeBenchService = () =>
  createIntakeService({
    config: loadConfig(
      intakeConfigSchema,
      { INTAKE_SEED_KNOWLEDGE: 'true', INTAKE_FLOOD_MAX_PER_WINDOW: '10000' },
      'intake-bench',
    ),
  });

async function embedded(tmpDir: string, seconds: number, openCaseCount: number): Promise<BenchResult> {
  const config = loadConfig(
    platformConfigSchema,
    {
      HOTLINE_MODE: 'embedded',
      HOTLINE_DATA_DIR: tmpDir,
      EVENT_STORE_PATH: join(tmpDir, 'events.db'),
      LOG_LEVEL: 'error',
      HOTLINE_TRACE_EXPORTER: 'none',
      HOTLINE_REQUEST_TIMEOUT_MS: '60000',
    },
    'intake-bench',
  );
  const platform = await Platform.open('hotline', config);
  const running = await startServices(platform, [workflowService, intakeBenchService()], {
    port: 0,
    host: '127.0.0.1',
    handleSignals: false,
  });
  try {
    return await runIntakeLoad({ mode: 'embedded', platform, running, seconds, openCaseCount });
  } finally {
    await running.close();
  }
}

export const run: Benchmark = async (context) => {
  const seconds = Math.max(5, Math.round(FULL_SECONDS * context.scale));
  const openCaseCount = Math.max(1_000, Math.round(FULL_OPEN_CASES * context.scale));
  const modes = (process.env.BENCH_INTAKE_MODE ?? 'embedded,distributed').split(',');
  const results: BenchResult[] = [];
  if (modes.includes('embedded')) results.push(await embedded(context.tmpDir, seconds, openCaseCount));
  if (modes.includes('distributed')) {
    const distributed = await startDistributedIntake(context, intakeBenchService());
    try {
      results.push(await runIntakeLoad({ mode: 'distributed', ...distributed, seconds, openCaseCount }));
    } finally {
      await distributed.close();
    }
  }
  return results;
};
