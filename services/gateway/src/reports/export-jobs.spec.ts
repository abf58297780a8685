import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { ExportJobs, type ExportJobSpec, type ExportJobView } from './export-jobs';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'export-jobs-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A job whose rows are written when `release` is called, `rows` lines of text. */
function gatedSpec(rows: number, owner = 'center-1') {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let runs = 0;
  const spec: ExportJobSpec = {
    owner,
    request: { from: '2026-11-01', to: '2026-11-30', format: 'csv' },
    total: rows,
    fileName: 'case-list.csv',
    mediaType: 'text/csv; charset=utf-8',
    async write(out: Writable, progress) {
      runs += 1;
      await gate;
      for (let i = 1; i <= rows; i += 1) {
        out.write(`row ${i}\n`);
        progress(i);
      }
      out.end();
    },
  };
  return { spec, release: () => release(), runs: () => runs };
}

async function until(jobs: ExportJobs, jobId: string, status: ExportJobView['status']) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const view = await jobs.status(jobId, 'center-1');
    if (view.status === status) return view;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`job ${jobId} never became ${status}`);
}

describe('export jobs', () => {
  it('runs once per request and day, reports progress, and hands the file to its owner alone', async () => {
    const jobs = new ExportJobs(dir, 24);
    const { spec, release, runs } = gatedSpec(3);
    const started = await jobs.start(spec);
    expect(started).toMatchObject({ status: 'running', total: 3, written: 0, fileName: 'case-list.csv' });
    expect(started.jobId).toMatch(/^exp-[0-9a-f]{32}$/);
    // The same request again: the same job, not a second run.
    expect((await jobs.start(spec)).jobId).toBe(started.jobId);
    await expect(jobs.file(started.jobId, 'center-1')).rejects.toMatchObject({
      kind: 'conflict',
      field: 'jobId',
    });
    release();
    const done = await until(jobs, started.jobId, 'done');
    expect(done).toMatchObject({ total: 3, written: 3 });
    expect(runs()).toBe(1);
    const file = await jobs.file(started.jobId, 'center-1');
    expect(readFileSync(file.path, 'utf8')).toBe('row 1\nrow 2\nrow 3\n');
    // Someone else is told the job does not exist, whatever its id.
    await expect(jobs.status(started.jobId, 'agent-7')).rejects.toMatchObject({ kind: 'not-found' });
    await expect(jobs.file(started.jobId, 'agent-7')).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('reports a failed job with its reason and starts it again when asked again', async () => {
    const jobs = new ExportJobs(dir, 24);
    let attempts = 0;
    const spec: ExportJobSpec = {
      ...gatedSpec(1).spec,
      write(out) {
        attempts += 1;
        if (attempts === 1) return Promise.reject(new Error('reporting unavailable'));
        out.end('ok\n');
        return Promise.resolve();
      },
    };
    const { jobId } = await jobs.start(spec);
    expect(await until(jobs, jobId, 'failed')).toMatchObject({ error: 'reporting unavailable' });
    expect((await jobs.start(spec)).jobId).toBe(jobId);
    await until(jobs, jobId, 'done');
    expect(attempts).toBe(2);
  });

  it('reports a job whose gateway stopped as interrupted', async () => {
    let now = Date.parse('2026-11-30T02:00:00Z');
    const jobs = new ExportJobs(dir, 24, () => now);
    const { spec } = gatedSpec(2);
    const { jobId } = await jobs.start(spec);
    now += 10 * 60_000;
    expect(await jobs.status(jobId, 'center-1')).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('interrupted'),
    });
  });
});
