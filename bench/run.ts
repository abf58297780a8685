/**
 * `npm run bench`: runs every benchmark on this machine, prints each result beside the raw engine
 * measured in the same run, and writes bench/results/latest.json (copied into docs/benchmarks.md).
 * BENCH_SCALE=0.1 gives a quick smoke run; BENCH_ONLY=relay,event-store picks benchmarks.
 * `gateway-routes`: the console's read routes under 50 signed-in users for 60 s, embedded and distributed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { type BenchContext, type BenchResult, type Benchmark, perSecond } from './bench-kit';

import { run as classifier } from './classifier.bench';
import { run as consoleLoad } from './console-load';
import { run as embeddedStart } from './embedded-start.bench';
import { run as escalation } from './escalation.bench';
import { run as eventStore } from './event-store.bench';
import { run as postgresEventStore } from './postgres-event-store.bench';
import { run as gatewayRoutes } from './gateway-routes.bench';
import { run as intake } from './intake.bench';
import { run as projection } from './projection.bench';
import { run as relay } from './relay.bench';
import { run as replay } from './replay.bench';
import { run as reporting } from './reporting.bench';
import { run as reportingExport } from './reporting-export.bench';
import { run as routing } from './routing.bench';
import { run as sipapp } from './sipapp.bench';
import { run as survey } from './survey.bench';
import { run as workflow } from './workflow.bench';

const benchmarks: Record<string, Benchmark> = {
  'event-store': eventStore,
  'postgres-event-store': postgresEventStore,
  relay,
  projection,
  replay,
  intake,
  classifier,
  workflow,
  'embedded-start': embeddedStart,
  'console-load': consoleLoad,
  'gateway-routes': gatewayRoutes,
  routing,
  reporting,
  'reporting-export': reportingExport,
  escalation,
  sipapp,
  survey,
};

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

function line(r: BenchResult): string {
  const ours = perSecond(r.ours);
  let text = `${r.name.padEnd(48)} ${fmt(ours).padStart(12)} ${r.unit}/s`;
  if (r.raw) {
    const raw = perSecond(r.raw);
    text += `  | raw ${r.raw.label}: ${fmt(raw)} ${r.unit}/s  | ratio ${(ours / raw).toFixed(2)}`;
  }
  if (r.goal?.minRatio !== undefined && r.raw) {
    text += ` (goal ≥ ${r.goal.minRatio}: ${ours / perSecond(r.raw) >= r.goal.minRatio ? 'met' : 'NOT met'})`;
  }
  if (r.goal?.minPerSecond !== undefined) {
    text += ` (goal ≥ ${fmt(r.goal.minPerSecond)}/s: ${ours >= r.goal.minPerSecond ? 'met' : 'NOT met'})`;
  }
  if (r.notes) text += `\n    ${r.notes}`;
  return text;
}

async function main(): Promise<void> {
  const engines = (await import(join(__dirname, '../scripts/engines.mjs'))) as {
    up: () => Promise<{ natsUrl: string; ferretdbUrl?: string; postgresUrl?: string }>;
  };
  const up = await engines.up();
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  const only = process.env.BENCH_ONLY?.split(',');
  const all: BenchResult[] = [];
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, scale ${scale}`,
  );
  for (const [name, run] of Object.entries(benchmarks)) {
    if (only && !only.includes(name)) continue;
    const tmpDir = mkdtempSync(join(tmpdir(), `hotline-bench-${name}-`));
    const context: BenchContext = {
      scale,
      tmpDir,
      natsUrl: up.natsUrl,
      ...(up.ferretdbUrl ? { mongoUrl: up.ferretdbUrl } : {}),
      ...(up.postgresUrl ? { postgresUrl: up.postgresUrl } : {}),
    };
    try {
      const results = await run(context);
      for (const r of results) console.log(line(r));
      all.push(...results);
    } finally {
      rmSync(tmpDir, { recursive: true, force: true });
    }
  }
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(
    join(__dirname, 'results/latest.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        node: process.version,
        scale,
        results: all,
      },
      null,
      2,
    ),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
