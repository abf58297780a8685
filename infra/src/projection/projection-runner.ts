import { HotlineError, ValidationError } from '@hotline/contracts';
import type { Registry } from 'prom-client';
import { backoffDelay, DEFAULT_RETRY_BACKOFF, type RetryBackoff } from '../bus/retry-backoff';
import type { ReadStore } from '../read-store/read-store.port';
import type { Logger } from '../telemetry/create-logger';
import { EventApplier } from './event-applier';
import { ProjectionMetrics } from './projection-metrics';
import type { Projection, ProjectionSource, SourceHandle } from './projection.port';
import { ShadowReadStore, shadowName, shadowProjection } from './shadow-read-store';
import { swapInShadow } from './shadow-swap';
import { validateProjection } from './validate-projection';

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
  /**
   * The event whose handler threw: the projection replays up to it and stops there again (after a
   * backoff) until the handler is fixed; it never skips it. Cleared once the checkpoint passes it.
   */
  failedAt?: { position: number; eventType: string; reason: string };
}

/** A status with how far the projection is behind the head of its source. */
export interface ProjectionReport extends ProjectionStatus {
  /** Events in the log after the checkpoint (all events, not only those the projection takes). */
  behind: number;
}

function deferred(): { promise: Promise<void>; resolve(): void; reject(error: Error): void } {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Runs one projection: events from its source go through the handler into the read store, in
 * batches, with a checkpoint written after each batch (see EventApplier). Redelivered events (at or
 * before the checkpoint) are skipped; guarded writes make a replay after a crash between the
 * writes and the checkpoint harmless. After a failing handler or write, the runner stops the source
 * and replays from the checkpoint after a backoff. One runner per projection and store at a time.
 */
export class ProjectionRunner {
  private readonly applier: EventApplier;
  private readonly metrics: ProjectionMetrics | undefined;
  private state: ProjectionState = 'idle';
  private handle: SourceHandle | undefined;
  private failures = 0;
  /** Bumped whenever the source is paused, so a restart scheduled before then does not happen. */
  private run = 0;
  private restarting: Promise<void> | undefined;
  private wakeRestart: (() => void) | undefined;
  private caughtUp = deferred();
  private lastError: string | undefined;
  private failedAt: ProjectionStatus['failedAt'];
  /** While a changed version rebuilds beside the old read model: the runner doing it. */
  private shadow: ProjectionRunner | undefined;
  /** The collections are in the store's rebuild mode until the projection first catches up. */
  private loading = false;

  constructor(
    private readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions,
  ) {
    validateProjection(projection);
    const batchSize = options.batchSize ?? 1000;
    if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
      throw new ValidationError('options.batchSize', 'must be an integer >= 1');
    }
    this.metrics = options.registry ? new ProjectionMetrics(options.registry, projection.name) : undefined;
    const { store, logger } = options;
    this.applier = new EventApplier(
      projection,
      { store, batchSize, logger, metrics: this.metrics },
      {
        failed: (error, event) => {
          if (event) {
            const reason = error instanceof Error ? error.message : String(error);
            this.failedAt = { position: event.position, eventType: event.type, reason };
          }
          this.failRun(error);
        },
        caughtUp: () => this.reachedHead(),
        progressed: () => {
          this.failures = 0;
          if (this.failedAt && this.applier.checkpoint >= this.failedAt.position) this.failedAt = undefined;
        },
        isLive: () => this.state === 'live',
        finishing: () => this.finishLoad(),
      },
    );
  }

  /**
   * Reads the checkpoint, runs setup, starts the source. When the version changed, a store that can
   * rename collections rebuilds the new version beside the old read model (which keeps serving) and
   * swaps it in once caught up; other stores drop the old one and rebuild in place.
   */
  async start(): Promise<void> {
    if (this.state !== 'idle') throw this.error('conflict', 'PROJECTION_STARTED', 'was already started');
    this.state = 'catching-up';
    const saved = await this.applier.checkpoints.load(this.projection.name);
    const { name, version } = this.projection;
    const shadow = this.options.store.renameCollection !== undefined;
    // A swap that a crash cut short (in a store without transactions) is finished first.
    const swapping = saved && saved.version !== version && shadow ? await this.swapLeftOff() : undefined;
    if (swapping !== undefined) {
      this.applier.resetTo(swapping, swapping);
    } else if (saved && saved.version !== version) {
      this.options.logger?.info(
        { projection: name, from: saved.version, to: version, shadow },
        'projection version changed: rebuilding',
      );
      if (shadow) {
        this.metrics?.watchLag(() => this.lag());
        void this.rebuildInShadow();
        return;
      }
      await this.reset();
      await this.beginLoad();
    } else if (await this.loadCutShort()) {
      await this.reset();
      await this.beginLoad();
    } else {
      const position = saved?.position ?? 0;
      // A checkpoint from before `writtenUpTo` was recorded: the window is unknown, so guard every
      // event up to the head of the source once.
      const writtenUpTo = saved ? (saved.writtenUpTo ?? (await this.options.source.headPosition())) : 0;
      this.applier.resetTo(position, Math.max(position, writtenUpTo));
      if (position === 0) await this.beginLoad();
    }
    await this.projection.setup?.(this.options.store);
    this.metrics?.watchLag(() => this.lag());
    await this.startSource();
  }

  /** Runs the new version into shadow collections; once it has caught up, swaps them in and goes on. */
  private async rebuildInShadow(): Promise<void> {
    const { store, logger } = this.options;
    const shadow = new ProjectionRunner(shadowProjection(this.projection), {
      ...this.options,
      store: new ShadowReadStore(store, this.projection),
      registry: undefined,
    });
    this.shadow = shadow;
    try {
      await shadow.start();
      await shadow.waitUntilCaughtUp();
      await shadow.stop();
    } catch (error) {
      if (this.state !== 'stopped')
        logger?.error({ projection: this.projection.name, err: error }, 'shadow rebuild failed');
      return;
    }
    if (this.state === 'stopped') return;
    const position = shadow.status().checkpoint;
    const { name, version } = this.projection;
    try {
      await swapInShadow(store, this.applier.checkpoints, this.projection, position);
    } catch (error) {
      // The old read model keeps serving; the next start swaps again (or finishes this swap).
      this.lastError = error instanceof Error ? error.message : String(error);
      logger?.error({ projection: name, err: error }, 'swapping the rebuilt projection in failed');
      return;
    }
    this.shadow = undefined;
    logger?.info({ projection: name, version, position }, 'rebuilt projection swapped in');
    // The shadow run stopped with every write under its checkpoint: no replay window.
    this.applier.resetTo(position, position);
    await this.startSource();
  }

  /**
   * A rebuild from position 0 into absent or empty collections loads them in the store's rebuild
   * mode, where it has one (PostgreSQL: no index or side table is kept per write; all are built at
   * the end, `finishLoad`). Called before `setup`, whose indexes the mode then defers.
   */
  private async beginLoad(): Promise<void> {
    const load = this.options.store.rebuildLoad;
    this.loading = load ? await load.begin(this.projection.collections) : false;
    if (this.loading)
      this.options.logger?.info({ projection: this.projection.name }, 'rebuilding in the rebuild mode');
  }

  /**
   * Once caught up, before the projection is live: the store builds what the rebuild mode left out.
   * A throw fails the run (it is retried from the checkpoint, and finishing again).
   */
  private async finishLoad(): Promise<void> {
    if (!this.loading) return;
    const started = performance.now();
    await this.options.store.rebuildLoad?.finish(this.projection.collections);
    this.loading = false;
    this.options.logger?.info(
      { projection: this.projection.name, ms: Math.round(performance.now() - started) },
      'rebuild loaded: indexes built',
    );
  }

  /**
   * Collections still in the rebuild mode at a start: a crash or a stop cut a rebuild short. Their
   * documents match the checkpoint, but nothing else was built: they are dropped and rebuilt, never
   * served half-indexed as live.
   */
  private async loadCutShort(): Promise<boolean> {
    const load = this.options.store.rebuildLoad;
    if (!load || !(await load.pending(this.projection.collections))) return false;
    this.options.logger?.warn(
      { projection: this.projection.name },
      'a rebuild was cut short before its indexes were built: rebuilding from the start',
    );
    return true;
  }

  /** Finishes a swap begun before a crash, if any; returns the position the projection is then at. */
  private async swapLeftOff(): Promise<number | undefined> {
    const { name, version } = this.projection;
    const shadow = await this.applier.checkpoints.load(shadowName(name, version));
    if (!shadow?.swapping) return undefined;
    await swapInShadow(this.options.store, this.applier.checkpoints, this.projection, shadow.position);
    this.options.logger?.info({ projection: name, version }, 'finished swapping in the rebuilt projection');
    return shadow.position;
  }

  /** Resolves when the projection first reaches the head of its source; rejects if stopped before. */
  waitUntilCaughtUp(): Promise<void> {
    return this.caughtUp.promise;
  }

  /** Drops the read model and its checkpoint, and replays every event (running or not). */
  async rebuild(): Promise<void> {
    if (this.state === 'stopped') throw this.error('conflict', 'PROJECTION_STOPPED', 'was stopped');
    const wasIdle = this.state === 'idle';
    this.state = 'catching-up';
    await this.pauseSource();
    await this.reset();
    await this.beginLoad();
    await this.projection.setup?.(this.options.store);
    this.caughtUp = deferred();
    if (wasIdle) this.metrics?.watchLag(() => this.lag());
    await this.startSource();
  }

  /** Stops the source, lets the events in hand finish, stores their writes and checkpoint. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    await this.shadow?.stop();
    await this.pauseSource();
    this.metrics?.unwatchLag();
    this.caughtUp.reject(this.error('unavailable', 'PROJECTION_STOPPED', 'stopped'));
  }

  status(): ProjectionStatus {
    const { name, version } = this.projection;
    if (this.shadow && this.state !== 'stopped') {
      // The old read model serves, but the new version is only as far as its rebuild.
      const rebuilding = this.shadow.status();
      return { ...rebuilding, name, state: rebuilding.state === 'live' ? 'catching-up' : rebuilding.state };
    }
    const { state, lastError, failedAt } = this;
    return {
      name,
      version,
      state,
      checkpoint: this.applier.checkpoint,
      ...(lastError ? { lastError } : {}),
      ...(failedAt ? { failedAt } : {}),
    };
  }

  /** The status with the distance to the head of the source (one read of the head). */
  async report(): Promise<ProjectionReport> {
    const status = this.status();
    const head = await this.options.source.headPosition();
    return { ...status, behind: Math.max(0, head - status.checkpoint) };
  }

  private error(kind: 'conflict' | 'unavailable', code: string, what: string): HotlineError {
    return new HotlineError(kind, code, `projection ${this.projection.name} ${what}`);
  }

  private async pauseSource(): Promise<void> {
    this.run++;
    this.wakeRestart?.();
    const handle = this.handle;
    this.handle = undefined;
    await handle?.stop();
    await this.restarting;
    await this.applier.settle();
  }

  private async reset(): Promise<void> {
    for (const name of this.projection.collections) await this.options.store.collection(name).drop();
    await this.applier.checkpoints.remove(this.projection.name);
    this.applier.resetTo(0, 0);
  }

  private async startSource(): Promise<void> {
    const run = this.run;
    this.applier.failed = false;
    // Events whose writes a previous run may have stored (see guarded-writes.ts).
    this.applier.writes.guardUpTo = this.applier.writtenUpTo;
    this.applier.restart();
    if (this.run !== run || this.state === 'stopped') return;
    const { checkpoint } = this.applier;
    this.handle = this.options.source.start(
      { fromPosition: checkpoint > 0 ? checkpoint : undefined, filter: this.projection.filter },
      {
        onEvent: (event) =>
          new Promise<void>((resolve, reject) => this.applier.enqueue({ event, resolve, reject })),
        onCaughtUp: (position) => this.applier.enqueue({ caughtUp: position }),
        onError: (error) => {
          this.options.logger?.error(
            { projection: this.projection.name, err: error },
            'projection source failed',
          );
          this.failRun(error);
        },
      },
    );
  }

  private reachedHead(): void {
    if (this.state === 'catching-up') {
      this.state = 'live';
      const { name } = this.projection;
      this.options.logger?.info(
        { projection: name, position: this.applier.checkpoint },
        'projection caught up',
      );
    }
    this.caughtUp.resolve();
  }

  /** Stops this run of the source and, after a backoff, starts another from the checkpoint. */
  private failRun(error: unknown): void {
    this.lastError = error instanceof Error ? error.message : String(error);
    if (this.applier.failed || this.state === 'stopped') return;
    this.applier.failed = true;
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
      await this.applier.settle();
      this.restarting = undefined;
      if (this.run !== run || this.state !== 'retrying') return;
      // The failed run's flushes stay in the window: writtenUpTo is kept.
      this.applier.resetTo(this.applier.checkpoint, this.applier.writtenUpTo);
      this.state = 'catching-up';
      try {
        await this.startSource();
      } catch (restartError) {
        this.failRun(restartError);
      }
    })();
  }

  private async lag(): Promise<number> {
    if (this.state === 'live' && this.applier.idle) return 0;
    return Math.max(0, (await this.options.source.headPosition()) - this.applier.checkpoint);
  }
}
