import { HotlineError, ValidationError, type RecordedEvent } from '@hotline/contracts';
import type { Registry } from 'prom-client';
import { matchesFilter } from '../bus/event-filter';
import { backoffDelay, DEFAULT_RETRY_BACKOFF, type RetryBackoff } from '../bus/retry-backoff';
import type { ReadStore } from '../read-store/read-store.port';
import { SpanKind } from '@opentelemetry/api';
import type { Logger } from '../telemetry/create-logger';
import { withExtractedContext } from '../telemetry/trace-context';
import { withSpan } from '../telemetry/with-span';
import { FlushingReadStore } from './flushing-read-store';
import { GuardedWrites } from './guarded-writes';
import { ProjectionCheckpoints } from './projection-checkpoints';
import { ProjectionMetrics } from './projection-metrics';
import type { Projection, ProjectionSource, SourceHandle } from './projection.port';
import { validateProjection } from './validate-projection';
import { WriteBatch } from './write-batch';

export interface ProjectionRunnerOptions {
  store: ReadStore;
  source: ProjectionSource;
  /** Where lag and event counts go; no metrics without one (the global registry is never used). */
  registry?: Registry;
  logger?: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Events whose writes go out together while catching up. Default 1000. */
  batchSize?: number;
  /** Wait before replaying from the checkpoint after a failure; doubles per consecutive failure. */
  retryBackoff?: RetryBackoff;
}

export type ProjectionState = 'idle' | 'catching-up' | 'live' | 'retrying' | 'stopped';

export interface ProjectionStatus {
  name: string;
  version: number;
  state: ProjectionState;
  /** Position of the last event whose writes are stored. */
  checkpoint: number;
  lastError?: string;
}

interface Delivery {
  event: RecordedEvent;
  resolve(): void;
  reject(error: unknown): void;
}

type QueueItem = Delivery | { caughtUp: number };

function deferred(): { promise: Promise<void>; resolve(): void; reject(error: Error): void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Runs one projection: events from its source go through the handler into the read store, in
 * batches, with a checkpoint written after each batch. Redelivered events (at or before the
 * checkpoint) are skipped; guarded writes make a replay after a crash between the writes and the
 * checkpoint harmless. A failing handler stops the batch before its event, and the runner replays
 * from the checkpoint after a backoff.
 */
export class ProjectionRunner {
  private readonly checkpoints: ProjectionCheckpoints;
  private readonly batch: WriteBatch;
  private readonly writes: GuardedWrites;
  private readonly view: FlushingReadStore;
  private readonly metrics: ProjectionMetrics | undefined;
  private readonly batchSize: number;
  private state: ProjectionState = 'idle';
  private checkpoint = 0;
  /** Position of the last event handled, stored or not yet. */
  private applied = 0;
  private appliedSinceCommit = 0;
  private queue: QueueItem[] = [];
  private head = 0;
  private waiting: Delivery[] = [];
  /** The latest drain of the queue; `drainRunning` tells whether it is still going. */
  private draining: Promise<void> = Promise.resolve();
  private drainRunning = false;
  private handle: SourceHandle | undefined;
  private failedRun = false;
  private failures = 0;
  /** Bumped whenever the source is paused, so a restart scheduled before then does not happen. */
  private run = 0;
  private restarting: Promise<void> | undefined;
  private wakeRestart: (() => void) | undefined;
  private caughtUp = deferred();
  private lastError: string | undefined;

  constructor(
    private readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions,
  ) {
    validateProjection(projection);
    this.batchSize = options.batchSize ?? 1000;
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1) throw new ValidationError('options.batchSize', 'must be an integer >= 1');
    this.checkpoints = new ProjectionCheckpoints(options.store);
    this.batch = new WriteBatch(options.store);
    this.writes = new GuardedWrites(this.batch, new Set(projection.collections));
    this.view = new FlushingReadStore(options.store, () => this.batch.flush());
    this.metrics = options.registry ? new ProjectionMetrics(options.registry, projection.name) : undefined;
  }

  /** Reads the checkpoint (rebuilding when the version changed), runs setup, starts the source. */
  async start(): Promise<void> {
    if (this.state !== 'idle') throw new HotlineError('conflict', 'PROJECTION_STARTED', `projection ${this.projection.name} was already started`);
    this.state = 'catching-up';
    const saved = await this.checkpoints.load(this.projection.name);
    if (saved && saved.version !== this.projection.version) {
      this.options.logger?.info({ projection: this.projection.name, from: saved.version, to: this.projection.version }, 'projection version changed: rebuilding');
      await this.reset();
    } else {
      this.checkpoint = this.applied = saved?.position ?? 0;
    }
    await this.projection.setup?.(this.options.store);
    this.metrics?.watchLag(() => this.lag());
    this.startSource();
  }

  /** Resolves when the projection first reaches the head of its source; rejects if stopped before. */
  waitUntilCaughtUp(): Promise<void> {
    return this.caughtUp.promise;
  }

  /** Drops the read model and its checkpoint, and replays every event (running or not). */
  async rebuild(): Promise<void> {
    if (this.state === 'stopped') throw new HotlineError('conflict', 'PROJECTION_STOPPED', `projection ${this.projection.name} was stopped`);
    const wasIdle = this.state === 'idle';
    this.state = 'catching-up';
    await this.pauseSource();
    await this.reset();
    await this.projection.setup?.(this.options.store);
    this.caughtUp = deferred();
    if (wasIdle) this.metrics?.watchLag(() => this.lag());
    this.startSource();
  }

  /** Stops the source, lets the events in hand finish, stores their writes and checkpoint. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    await this.pauseSource();
    this.metrics?.unwatchLag();
    this.caughtUp.reject(new HotlineError('unavailable', 'PROJECTION_STOPPED', `projection ${this.projection.name} stopped`));
  }

  status(): ProjectionStatus {
    const { name, version } = this.projection;
    return { name, version, state: this.state, checkpoint: this.checkpoint, ...(this.lastError ? { lastError: this.lastError } : {}) };
  }

  private async pauseSource(): Promise<void> {
    this.run++;
    this.wakeRestart?.();
    const handle = this.handle;
    this.handle = undefined;
    await handle?.stop();
    await this.restarting;
    await this.draining;
    await this.commit();
  }

  private async reset(): Promise<void> {
    for (const name of this.projection.collections) await this.options.store.collection(name).drop();
    await this.checkpoints.remove(this.projection.name);
    this.checkpoint = this.applied = 0;
  }

  private startSource(): void {
    this.failedRun = false;
    this.handle = this.options.source.start(
      { fromPosition: this.checkpoint > 0 ? this.checkpoint : undefined, filter: this.projection.filter },
      {
        onEvent: (event) => new Promise<void>((resolve, reject) => this.enqueue({ event, resolve, reject })),
        onCaughtUp: (position) => this.enqueue({ caughtUp: position }),
        onError: (error) => {
          this.options.logger?.error({ projection: this.projection.name, err: error }, 'projection source failed');
          this.failRun(error);
        },
      },
    );
  }

  private enqueue(item: QueueItem): void {
    this.queue.push(item);
    if (!this.drainRunning) {
      this.drainRunning = true;
      this.draining = this.drain();
    }
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.head < this.queue.length) {
        const item = this.queue[this.head++] as QueueItem;
        if (this.head >= 4096) {
          this.queue = this.queue.slice(this.head);
          this.head = 0;
        }
        if ('caughtUp' in item) await this.reachCaughtUp(item.caughtUp);
        else await this.apply(item);
        if (this.waiting.length >= this.batchSize) await this.commit();
        continue;
      }
      if (this.waiting.length > 0) {
        // Give the source a turn to hand over more events before committing a small batch.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (this.head >= this.queue.length) await this.commit();
        continue;
      }
      this.drainRunning = false;
      return;
    }
  }

  private async apply(delivery: Delivery): Promise<void> {
    const { event } = delivery;
    if (this.failedRun) {
      delivery.reject(new HotlineError('unavailable', 'PROJECTION_RETRYING', `projection ${this.projection.name} is replaying after a failure`));
      return;
    }
    if (event.position <= this.applied) {
      this.metrics?.count('skipped');
      if (event.position <= this.checkpoint) delivery.resolve();
      else this.waiting.push(delivery);
      return;
    }
    if (matchesFilter(event, this.projection.filter)) {
      const mark = this.batch.mark();
      this.writes.begin(event.position);
      try {
        await this.handleTraced(event);
      } catch (error) {
        this.batch.rollback(mark);
        await this.handlerFailed(delivery, error);
        return;
      }
      this.appliedSinceCommit++;
    }
    this.applied = event.position;
    this.waiting.push(delivery);
  }

  /**
   * Live events are handled inside a span continuing the trace of the command that caused them, so
   * one trace runs from the request to the read model. Catch-up and rebuilds stay span-free: a
   * replay of millions of events is not a million requests.
   */
  private handleTraced(event: RecordedEvent): Promise<void> {
    const run = () => this.projection.handle(event, this.view, this.writes);
    if (this.state !== 'live' || event.metadata.traceparent === undefined) return run();
    return withExtractedContext(event.metadata.traceparent, event.metadata.tracestate, () =>
      withSpan(
        `project ${this.projection.name} ${event.type}`,
        { 'hotline.projection': this.projection.name, 'hotline.event.type': event.type, 'hotline.event.position': event.position },
        run,
        SpanKind.CONSUMER,
      ),
    );
  }

  private async handlerFailed(delivery: Delivery, error: unknown): Promise<void> {
    const { event } = delivery;
    this.metrics?.count('failed');
    this.options.logger?.error(
      { projection: this.projection.name, eventId: event.id, eventType: event.type, position: event.position, err: error },
      'projection handler failed; replaying from the checkpoint after a pause',
    );
    await this.commit();
    delivery.reject(error);
    this.failRun(error);
  }

  private async commit(): Promise<void> {
    const waiting = this.waiting;
    const applied = this.appliedSinceCommit;
    this.waiting = [];
    this.appliedSinceCommit = 0;
    try {
      await this.batch.flush();
      if (this.applied > this.checkpoint) {
        await this.checkpoints.save(this.projection.name, this.applied, this.projection.version);
        this.checkpoint = this.applied;
        this.failures = 0;
      }
    } catch (error) {
      this.options.logger?.error({ projection: this.projection.name, err: error }, 'projection write failed; replaying from the checkpoint after a pause');
      this.applied = this.checkpoint;
      for (const delivery of waiting) delivery.reject(error);
      this.failRun(error);
      return;
    }
    this.metrics?.count('applied', applied);
    for (const delivery of waiting) delivery.resolve();
  }

  private async reachCaughtUp(position: number): Promise<void> {
    await this.commit();
    if (this.failedRun) return;
    if (position > this.checkpoint) {
      // Events after the checkpoint that the source filtered out: nothing to replay there.
      this.applied = position;
      await this.commit();
      if (this.failedRun) return;
    }
    if (this.state === 'catching-up') {
      this.state = 'live';
      this.options.logger?.info({ projection: this.projection.name, position: this.checkpoint }, 'projection caught up');
    }
    this.caughtUp.resolve();
  }

  /** Stops this run of the source and, after a backoff, starts another from the checkpoint. */
  private failRun(error: unknown): void {
    this.lastError = error instanceof Error ? error.message : String(error);
    if (this.failedRun || this.state === 'stopped') return;
    this.failedRun = true;
    this.failures++;
    this.state = 'retrying';
    const run = this.run;
    const handle = this.handle;
    this.handle = undefined;
    const delay = backoffDelay(this.options.retryBackoff ?? DEFAULT_RETRY_BACKOFF, this.failures);
    this.restarting = (async () => {
      await handle?.stop();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wakeRestart = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeRestart = undefined;
      await this.draining;
      this.restarting = undefined;
      if (this.run !== run || this.state !== 'retrying') return;
      this.applied = this.checkpoint;
      this.state = 'catching-up';
      this.startSource();
    })();
  }

  private async lag(): Promise<number> {
    const idle = !this.drainRunning && this.waiting.length === 0;
    if (this.state === 'live' && idle) return 0;
    return Math.max(0, (await this.options.source.headPosition()) - this.checkpoint);
  }
}
