import { HotlineError, type RecordedEvent } from '@hotline/contracts';
import { SpanKind } from '@opentelemetry/api';
import { matchesFilter } from '../bus/event-filter';
import type { ReadStore, ReadStoreWriter } from '../read-store/read-store.port';
import type { Logger } from '../telemetry/create-logger';
import { withExtractedContext } from '../telemetry/trace-context';
import { withSpan } from '../telemetry/with-span';
import { FlushingReadStore } from './flushing-read-store';
import { GuardedWrites } from './guarded-writes';
import { ProjectionCheckpoints } from './projection-checkpoints';
import type { ProjectionMetrics } from './projection-metrics';
import type { Projection } from './projection.port';
import { WriteBatch } from './write-batch';

export interface Delivery {
  event: RecordedEvent;
  resolve(): void;
  reject(error: unknown): void;
}

export type QueueItem = Delivery | { caughtUp: number };

/** What the applier tells the runner that owns it. */
export interface ApplierHooks {
  /** A handler or a write failed: nothing after the checkpoint is applied; replay from there. */
  failed(error: unknown, event?: RecordedEvent): void;
  /** Every event up to the source's head is stored. */
  caughtUp(): void;
  /** The checkpoint moved forward. */
  progressed(): void;
  /** Live events get a span in the trace of the command that caused them (see handleTraced). */
  isLive(): boolean;
  /** Every event up to the head is stored: what must be done before the projection is live (a rebuild's indexes). */
  finishing?(): Promise<void>;
}

export interface ApplierOptions {
  store: ReadStore;
  batchSize: number;
  logger: Pick<Logger, 'info' | 'warn' | 'error'> | undefined;
  metrics: ProjectionMetrics | undefined;
}

/**
 * The event path of a ProjectionRunner: deliveries are queued, handled one at a time in order, and
 * committed in batches (the writes, then the checkpoint, then the acknowledgements). A delivery
 * resolves only once its writes and the checkpoint past it are stored.
 */
export class EventApplier {
  readonly checkpoints: ProjectionCheckpoints;
  readonly writes: GuardedWrites;
  /** What the projection's `flush` writes through: its own per-flush check of one write per document. */
  private readonly heldBack: GuardedWrites;
  /** Position of the last event whose writes are stored. */
  checkpoint = 0;
  /** Position of the last event handled, stored or not yet. */
  applied = 0;
  /** Set when this run of the source failed: later deliveries are refused until the runner restarts it. */
  failed = false;
  /** The `writtenUpTo` recorded in the checkpoint document: flushes up to it need no new record. */
  writtenUpTo = 0;
  private readonly batch: WriteBatch;
  private readonly view: FlushingReadStore;
  /** Makes a batch's writes and its checkpoint one transaction, in stores that have them. */
  private readonly writer: ReadStoreWriter | undefined;
  private appliedSinceCommit = 0;
  private queue: QueueItem[] = [];
  private head = 0;
  private waiting: Delivery[] = [];
  /** The latest drain of the queue; `drainRunning` tells whether it is still going. */
  private draining: Promise<void> = Promise.resolve();
  private drainRunning = false;

  constructor(
    private readonly projection: Projection,
    private readonly options: ApplierOptions,
    private readonly hooks: ApplierHooks,
  ) {
    this.checkpoints = new ProjectionCheckpoints(options.store);
    this.batch = new WriteBatch(options.store);
    this.writes = new GuardedWrites(this.batch, new Set(projection.collections));
    this.heldBack = new GuardedWrites(this.batch, new Set(projection.collections));
    this.view = new FlushingReadStore(options.store, () => this.flush());
    this.writer = options.store.writer?.();
  }

  /** Runs store work as this applier's writer (inside its transaction once begun). */
  private asWriter<R>(work: () => Promise<R>): Promise<R> {
    return this.writer ? this.writer.run(work) : work();
  }

  get idle(): boolean {
    return !this.drainRunning && this.waiting.length === 0;
  }

  /** Starts counting from a stored checkpoint (or 0 after a reset) and its `writtenUpTo`. */
  resetTo(position: number, writtenUpTo: number): void {
    this.checkpoint = this.applied = position;
    this.writtenUpTo = writtenUpTo;
    this.batch.forgetStamps();
  }

  /**
   * Writes the queued writes, first recording how far they reach when that is past the recorded
   * mark (with a batch of headroom, so a steady run records it about once per batch).
   */
  private async flush(): Promise<void> {
    // Held-back writes cover the events handled so far: stamped with the last of them, a document
    // holds every write up to its stamp and none after (a handler adds its own at its end).
    this.flushHeldBack(this.applied);
    if (this.batch.empty) return;
    const reach = Math.max(this.applied, this.writes.position);
    if (reach > this.writtenUpTo) {
      const mark = reach + this.options.batchSize;
      await this.checkpoints.saveWrittenUpTo(this.projection.name, mark, this.projection.version);
      this.writtenUpTo = mark;
    }
    await this.batch.flush();
  }

  private flushHeldBack(position: number): void {
    if (!this.projection.flush) return;
    this.heldBack.guardUpTo = this.writes.guardUpTo;
    this.heldBack.begin(position);
    this.projection.flush(this.heldBack);
  }

  /** The runner starts (again) from the checkpoint: the projection forgets what it kept past it. */
  restart(): void {
    this.projection.restart?.();
  }

  enqueue(item: QueueItem): void {
    this.queue.push(item);
    if (!this.drainRunning) {
      this.drainRunning = true;
      this.draining = this.drain();
    }
  }

  /** Waits for the queue to empty, then stores what is in hand. */
  async settle(): Promise<void> {
    await this.draining;
    await this.commit();
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
        if (this.waiting.length >= this.options.batchSize) await this.commit();
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
    if (this.failed) {
      const message = `projection ${this.projection.name} is replaying after a failure`;
      delivery.reject(new HotlineError('unavailable', 'PROJECTION_RETRYING', message));
      return;
    }
    if (event.position <= this.applied) {
      this.options.metrics?.count('skipped');
      if (event.position <= this.checkpoint) delivery.resolve();
      else this.waiting.push(delivery);
      return;
    }
    if (matchesFilter(event, this.projection.filter)) {
      const mark = this.batch.mark();
      this.writes.begin(event.position);
      try {
        await this.writer?.begin();
        await this.asWriter(() => this.handleTraced(event));
        // In the replay window each event's writes are guarded on their own: nothing is held back.
        if (event.position <= this.writes.guardUpTo) this.flushHeldBack(event.position);
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
    if (!this.hooks.isLive() || event.metadata.traceparent === undefined) return run();
    return withExtractedContext(event.metadata.traceparent, event.metadata.tracestate, () =>
      withSpan(
        `project ${this.projection.name} ${event.type}`,
        {
          'hotline.projection': this.projection.name,
          'hotline.event.type': event.type,
          'hotline.event.position': event.position,
        },
        run,
        SpanKind.CONSUMER,
      ),
    );
  }

  private async handlerFailed(delivery: Delivery, error: unknown): Promise<void> {
    const { event } = delivery;
    this.options.metrics?.count('failed');
    this.options.logger?.error(
      {
        projection: this.projection.name,
        eventId: event.id,
        eventType: event.type,
        position: event.position,
        err: error,
      },
      'projection handler failed; replaying from the checkpoint after a pause',
    );
    await this.commit();
    delivery.reject(error);
    this.hooks.failed(error, event);
  }

  async commit(): Promise<void> {
    const waiting = this.waiting;
    const applied = this.appliedSinceCommit;
    this.waiting = [];
    this.appliedSinceCommit = 0;
    const advanced = this.applied > this.checkpoint;
    try {
      if (advanced) await this.writer?.begin();
      await this.asWriter(async () => {
        await this.flush();
        if (advanced)
          await this.checkpoints.save(this.projection.name, this.applied, this.projection.version);
      });
      await this.writer?.commit();
      if (advanced) {
        this.checkpoint = this.applied;
        this.hooks.progressed();
      }
    } catch (error) {
      await this.writer?.rollback();
      this.options.logger?.error(
        { projection: this.projection.name, err: error },
        'projection write failed; replaying from the checkpoint after a pause',
      );
      this.applied = this.checkpoint;
      for (const delivery of waiting) delivery.reject(error);
      this.hooks.failed(error);
      return;
    }
    this.options.metrics?.count('applied', applied);
    for (const delivery of waiting) delivery.resolve();
  }

  private async reachCaughtUp(position: number): Promise<void> {
    await this.commit();
    if (this.failed) return;
    if (position > this.checkpoint) {
      // Events after the checkpoint that the source filtered out: nothing to replay there.
      this.applied = position;
      if (this.hooks.isLive()) {
        // Live, the source says this after other streams' events: the checkpoint moves in memory
        // only (a read waiting for such a position is answered at once; the next commit stores it,
        // and a restart before then re-reads a range the filter leaves empty).
        this.checkpoint = position;
        this.hooks.progressed();
      } else {
        await this.commit();
        if (this.failed) return;
      }
    }
    try {
      await this.hooks.finishing?.();
    } catch (error) {
      this.options.logger?.error(
        { projection: this.projection.name, err: error },
        'finishing the rebuild failed; replaying from the checkpoint after a pause',
      );
      this.hooks.failed(error);
      return;
    }
    this.hooks.caughtUp();
  }
}
