/**
 * The case-list export end to end: the gateway's `GET /api/reports/cases/export` over HTTP, the
 * reporting service answering `GetReportCases` page by page over the bus from its read store, the
 * file streamed to the client as it is written (embedded: workflow, reporting, gateway in one
 * process). 100,000 rows at BENCH_SCALE ≥ 0.1, as xlsx and as CSV; time to the first byte and to the
 * last, and the process's RSS growth.
 */
import { loadavg } from 'node:os';
import { createGatewayService } from '@hotline/gateway';
import { signIn } from '@hotline/gateway/testing';
import { bootPlatform } from '@hotline/infra/platform/testing';
import { reportingService } from '@hotline/reporting';
import { workflowService } from '@hotline/workflow';
import type { BenchResult, Benchmark } from './bench-kit';
import { fillCaseFacts } from './reporting.bench';

const EXPORT_ROWS = 100_000;

export const run: Benchmark = async ({ scale, tmpDir }) => {
  const rows = Math.max(1_000, Math.round(EXPORT_ROWS * Math.min(1, scale * 10)));
  process.env.HOTLINE_SESSION_SECRET ??= 'bench-session-secret-'.repeat(4);
  const booted = await bootPlatform([workflowService, reportingService, createGatewayService()], {
    env: { LOG_LEVEL: 'warn', HOTLINE_DEMO: 'on', HOTLINE_INSECURE_COOKIES: 'true' },
    dir: tmpDir,
  });
  const results: BenchResult[] = [];
  try {
    await fillCaseFacts(booted.platform.readStore, rows);
    const session = await signIn(booted.url, 'center');
    for (const format of ['xlsx', 'csv']) {
      const load = loadavg()[0] ?? 0;
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      const started = process.hrtime.bigint();
      const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
      const response = await fetch(
        `${booted.url}/api/reports/cases/export?format=${format}&from=2026-06-01&to=2026-06-30`,
        { headers: session },
      );
      if (response.status !== 200 || !response.body) throw new Error(`export: ${response.status}`);
      let firstByte = 0;
      let bytes = 0;
      for await (const chunk of response.body) {
        firstByte ||= elapsed();
        bytes += (chunk as Uint8Array).length;
      }
      const seconds = elapsed();
      clearInterval(sampler);
      results.push({
        name: `reporting: case-list ${format} export over HTTP (${rows.toLocaleString('en-US')} rows)`,
        unit: 'row',
        ours: { ops: rows, seconds },
        notes: `${seconds.toFixed(1)} s (goal ≤ 10 s for 100,000), first byte ${(firstByte * 1000).toFixed(0)} ms, ${(bytes / 2 ** 20).toFixed(1)} MiB, RSS growth ${Math.round((peak - before) / 2 ** 20)} MiB, load ${load.toFixed(1)}`,
      });
    }
  } finally {
    await booted.close();
  }
  return results;
};
