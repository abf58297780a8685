/**
 * The shape every benchmark returns. `npm run bench` runs each file's `run()`, prints one line per
 * measurement with the ratio against the raw engine measured in the same run, and writes
 * bench/results/latest.json for docs/benchmarks.md.
 */
export interface Throughput {
  /** Operations (events, documents, messages) done. */
  ops: number;
  seconds: number;
}

export interface BenchResult {
  name: string;
  /** What one op is: "event", "message", "document". */
  unit: string;
  ours: Throughput;
  /** The raw engine doing the same work without our layer; absent when there is no raw equivalent. */
  raw?: Throughput & { label: string };
  /** The goal, as a ratio against raw (`minRatio`) or an absolute rate (`minPerSecond`). */
  goal?: { minRatio?: number; minPerSecond?: number };
  notes?: string;
}

export interface BenchContext {
  /** Scale factor: 1 for the documented run; smaller for a smoke run (BENCH_SCALE). */
  scale: number;
  /** A fresh scratch directory for files this benchmark creates. */
  tmpDir: string;
  natsUrl: string;
  /** FerretDB (or MongoDB) connection string, when one is up. */
  mongoUrl?: string;
  /** The PostgreSQL server benchmarks create their own databases on. */
  postgresUrl?: string;
}

export type Benchmark = (context: BenchContext) => Promise<BenchResult[]>;

export const perSecond = (t: Throughput): number => t.ops / t.seconds;

export async function timed(ops: number, work: () => Promise<void> | void): Promise<Throughput> {
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { ops, seconds };
}
