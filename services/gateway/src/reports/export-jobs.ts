import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { HotlineError } from '@hotline/contracts';

export type ExportJobStatus = 'running' | 'done' | 'failed';

/** What a poll of a job answers (the owner is checked, never shown). */
export interface ExportJobView {
  jobId: string;
  status: ExportJobStatus;
  /** Rows to write (counted when the job started) and rows written so far. */
  total: number;
  written: number;
  fileName: string;
  /** Why a job failed (an interrupted job: its gateway stopped). */
  error?: string;
}

interface ExportJobRecord extends ExportJobView {
  owner: string;
  mediaType: string;
  startedAt: number;
  updatedAt: number;
}

export interface ExportJobSpec {
  owner: string;
  /** What makes two requests the same export: the query, the format, the viewer's scope. */
  request: unknown;
  total: number;
  fileName: string;
  mediaType: string;
  /** Writes the file to `out`, telling `progress` the rows written so far. */
  write(out: Writable, progress: (written: number) => void): Promise<void>;
}

const JOB_ID = /^exp-[0-9a-f]{32}$/;
/** A running job whose record has not moved for this long lost its gateway: reported as failed. */
const STALE_MS = 120_000;
/** Progress is written to the record at most this often. */
const PROGRESS_EVERY_MS = 1_000;

/**
 * Background exports beyond the streamed row limit, as files under `<data dir>/exports/` (a shared
 * volume serves several gateway replicas, as for attachments): a JSON record per job that a poll
 * reads, the file written beside it. The job id derives from the owner, the request and the day,
 * so asking for the same export again finds the job already running (or done) instead of starting
 * a second one. Only the owner sees a job; anyone else is told it does not exist.
 */
export class ExportJobs {
  constructor(
    private readonly dir: string,
    private readonly keepHours: number,
    private readonly now: () => number = Date.now,
  ) {}

  static isJobId(id: string): boolean {
    return JOB_ID.test(id);
  }

  /** Starts the export unless the same one is running or done (a failed one starts again). */
  async start(spec: ExportJobSpec): Promise<ExportJobView> {
    await mkdir(this.dir, { recursive: true });
    const day = new Date(this.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const jobId = `exp-${createHash('sha256')
      .update(JSON.stringify([spec.owner, spec.request, day]))
      .digest('hex')
      .slice(0, 32)}`;
    const existing = await this.read(jobId);
    if (existing && existing.status !== 'failed' && !this.stale(existing)) return view(existing);
    await this.sweep();
    const record: ExportJobRecord = {
      jobId,
      status: 'running',
      total: spec.total,
      written: 0,
      fileName: spec.fileName,
      owner: spec.owner,
      mediaType: spec.mediaType,
      startedAt: this.now(),
      updatedAt: this.now(),
    };
    await this.save(record);
    void this.run(record, spec);
    return view(record);
  }

  /** The job as its owner sees it; anyone else gets "not found". */
  async status(jobId: string, owner: string): Promise<ExportJobView> {
    const record = await this.owned(jobId, owner);
    if (this.stale(record))
      return { ...view(record), status: 'failed', error: 'interrupted: start it again' };
    return view(record);
  }

  /** A finished job's file (path, name, media type) for its owner. */
  async file(jobId: string, owner: string): Promise<{ path: string; fileName: string; mediaType: string }> {
    const record = await this.owned(jobId, owner);
    if (record.status !== 'done') {
      throw new HotlineError(
        'conflict',
        'EXPORT_NOT_READY',
        `jobId: the export is ${record.status}, not done`,
        'jobId',
      );
    }
    return { path: this.path(jobId, 'file'), fileName: record.fileName, mediaType: record.mediaType };
  }

  private async run(record: ExportJobRecord, spec: ExportJobSpec): Promise<void> {
    const part = this.path(record.jobId, 'part');
    let lastSaved = this.now();
    let saving: Promise<void> = Promise.resolve();
    try {
      const out = createWriteStream(part);
      const finished = new Promise<void>((resolve, reject) => {
        out.once('finish', resolve);
        out.once('error', reject);
      });
      await spec.write(out, (written) => {
        record.written = written;
        if (this.now() - lastSaved < PROGRESS_EVERY_MS) return;
        lastSaved = this.now();
        record.updatedAt = lastSaved;
        saving = saving.then(() => this.save(record));
      });
      if (!out.writableEnded) out.end();
      await finished;
      await saving;
      await rename(part, this.path(record.jobId, 'file'));
      await this.save({ ...record, status: 'done', written: record.written, updatedAt: this.now() });
    } catch (error) {
      await saving.catch(() => undefined);
      await unlink(part).catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      await this.save({ ...record, status: 'failed', error: reason, updatedAt: this.now() }).catch(
        () => undefined,
      );
    }
  }

  private stale(record: ExportJobRecord): boolean {
    return record.status === 'running' && this.now() - record.updatedAt > STALE_MS;
  }

  private async owned(jobId: string, owner: string): Promise<ExportJobRecord> {
    const record = ExportJobs.isJobId(jobId) ? await this.read(jobId) : undefined;
    if (!record || record.owner !== owner) {
      throw new HotlineError('not-found', 'EXPORT_JOB_NOT_FOUND', 'jobId: no such export job', 'jobId');
    }
    return record;
  }

  /** Removes the records and files of jobs older than the keep time. */
  private async sweep(): Promise<void> {
    const cutoff = this.now() - this.keepHours * 3_600_000;
    for (const name of await readdir(this.dir).catch(() => [] as string[])) {
      const path = join(this.dir, name);
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtimeMs < cutoff) await unlink(path).catch(() => undefined);
    }
  }

  private async read(jobId: string): Promise<ExportJobRecord | undefined> {
    const text = await readFile(this.path(jobId, 'json'), 'utf8').catch(() => undefined);
    return text === undefined ? undefined : (JSON.parse(text) as ExportJobRecord);
  }

  private async save(record: ExportJobRecord): Promise<void> {
    const path = this.path(record.jobId, 'json');
    await writeFile(`${path}.tmp`, JSON.stringify(record));
    await rename(`${path}.tmp`, path);
  }

  private path(jobId: string, kind: 'json' | 'part' | 'file'): string {
    return join(this.dir, `${jobId}.${kind === 'file' ? 'out' : kind}`);
  }
}

function view(record: ExportJobRecord): ExportJobView {
  const { jobId, status, total, written, fileName, error } = record;
  return { jobId, status, total, written, fileName, ...(error ? { error } : {}) };
}
