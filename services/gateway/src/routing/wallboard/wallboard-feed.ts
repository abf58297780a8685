import { ROUTER_CATEGORY } from '@hotline/contracts';
import type { ProjectionSource, SourceHandle } from '@hotline/infra/projection';
import { boardDelta, type BoardDelta, type LiveBoard } from './board-delta';
import { BoardHistory } from './board-history';

/**
 * What a wallboard stream sends (`event: board`). `ageMs`: how old the board was when sent (from
 * the moment it was asked for), so the screen's freshness figure holds whatever the clocks say.
 */
export type WallboardMessage =
  | { kind: 'snapshot'; ageMs: number; board: LiveBoard }
  | { kind: 'delta'; ageMs: number; delta: BoardDelta }
  /** The board was asked again and nothing shown changed: it is still true. */
  | { kind: 'fresh'; ageMs: number };

export interface WallboardListener {
  /** `id`: the board's number, the Server-Sent Event id a reconnect sends back (`Last-Event-ID`). */
  send(message: WallboardMessage, id: string): void;
  /** Ends the stream (shutdown). */
  close(): void;
}

export interface WallboardFeedDeps {
  /** The event log; only the router streams' events are read, as a sign the board changed. */
  source: ProjectionSource;
  /** The board now (the router's `GetQueueBoard` with names). */
  fetch: () => Promise<LiveBoard>;
  /** At most one fetch per this many ms, however many events arrive (the throttle). */
  minIntervalMs: number;
  /** A fetch at least this often while anyone watches: figures that move with time, and freshness. */
  refreshMs: number;
  warn: (error: unknown, message: string) => void;
  now?: () => number;
}

/** A source that failed is started again after this long. */
const RESTART_MS = 1_000;
/** Deltas remembered for watchers coming back: a minute at four reads a second. */
const HISTORY = 240;

/**
 * The wallboard pushed: while anyone watches, every router event marks the board changed, and the
 * board is asked again at most once per `minIntervalMs` (a burst of a thousand contacts a second
 * is four fetches a second, one delta each to every watcher). A new watcher gets the whole board,
 * then deltas; when a fetch shows nothing new, a `fresh` message says the board still holds. A
 * watcher back after a drop, with the id of the last board it got, gets one delta of what changed
 * since (or `fresh`), or the whole board when the id is unknown or too old.
 * Nobody watching: no subscription, no fetch (the last board and its history are kept, so the
 * first read of the next watch is a delta from it).
 */
export class WallboardFeed {
  private readonly listeners = new Set<WallboardListener>();
  /** Watchers waiting for a board read during this watch: the id they had, if any. */
  private readonly owed = new Map<WallboardListener, string | undefined>();
  private readonly history = new BoardHistory(HISTORY);
  private board: LiveBoard | undefined;
  /** The board was read during this watch (else it is the last watch's, kept for its history). */
  private current = false;
  private boardAskedAt = 0;
  private handle: SourceHandle | undefined;
  private throttle: ReturnType<typeof setTimeout> | undefined;
  private refresh: ReturnType<typeof setInterval> | undefined;
  private restart: ReturnType<typeof setTimeout> | undefined;
  private fetching = false;
  private dirty = false;
  private lastAskedAt = Number.NEGATIVE_INFINITY;
  /** Bumped at every stop: a fetch or a source of an earlier watch is ignored. */
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly deps: WallboardFeedDeps) {
    this.now = deps.now ?? Date.now;
  }

  /**
   * Adds a watcher: the whole board as soon as there is one (or, given the id of the last board
   * it got, what changed since), then changes. Answers the unsubscribe.
   */
  subscribe(listener: WallboardListener, lastEventId?: string): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    if (this.current && this.board !== undefined)
      listener.send(
        this.catchingUp(this.board, lastEventId, this.now() - this.boardAskedAt),
        this.history.id,
      );
    else this.owed.set(listener, lastEventId);
    return () => {
      this.listeners.delete(listener);
      this.owed.delete(listener);
      if (this.listeners.size === 0) void this.stop();
    };
  }

  /** Ends every stream and stops (shutdown). */
  async close(): Promise<void> {
    for (const listener of this.listeners) listener.close();
    this.listeners.clear();
    this.owed.clear();
    await this.stop();
  }

  get watchers(): number {
    return this.listeners.size;
  }

  private start(): void {
    const generation = this.generation;
    this.refresh = setInterval(() => this.changed(), this.deps.refreshMs);
    this.changed();
    void this.follow(generation);
  }

  private async stop(): Promise<void> {
    this.generation++;
    clearTimeout(this.throttle);
    clearTimeout(this.restart);
    clearInterval(this.refresh);
    this.throttle = this.restart = this.refresh = undefined;
    this.current = false;
    this.dirty = false;
    const handle = this.handle;
    this.handle = undefined;
    await handle?.stop();
  }

  /** Follows the log from its head: what happened before is in the first fetch. */
  private async follow(generation: number): Promise<void> {
    try {
      const head = await this.deps.source.headPosition();
      if (generation !== this.generation) return;
      this.handle = this.deps.source.start(
        { fromPosition: head, filter: { streamPrefixes: [`${ROUTER_CATEGORY}-`] } },
        {
          onEvent: () => {
            if (generation === this.generation) this.changed();
            return Promise.resolve();
          },
          onCaughtUp: () => undefined,
          onError: (error) => this.failed(error, generation),
        },
      );
    } catch (error) {
      this.failed(error, generation);
    }
  }

  private failed(error: unknown, generation: number): void {
    if (generation !== this.generation) return;
    this.deps.warn(error, 'wallboard: the event source failed; following it again');
    // Until then the refresh keeps the board true, only slower.
    this.restart = setTimeout(() => void this.follow(generation), RESTART_MS);
  }

  /** The board may have changed: ask for it now, or once the throttle allows. */
  private changed(): void {
    this.dirty = true;
    if (this.fetching || this.throttle !== undefined) return;
    const wait = this.lastAskedAt + this.deps.minIntervalMs - this.now();
    if (wait <= 0) void this.fetch(this.generation);
    else
      this.throttle = setTimeout(() => {
        // Asked again rather than fetched: a timer may fire a little early by the wall clock.
        this.throttle = undefined;
        this.changed();
      }, wait);
  }

  private async fetch(generation: number): Promise<void> {
    if (generation !== this.generation) return;
    this.dirty = false;
    this.fetching = true;
    const askedAt = (this.lastAskedAt = this.now());
    try {
      const board = await this.deps.fetch();
      if (generation === this.generation) this.publish(board, askedAt);
    } catch (error) {
      if (generation === this.generation) this.deps.warn(error, 'wallboard: the board could not be read');
    } finally {
      this.fetching = false;
    }
    // Changes seen meanwhile (by this watch or, after a stop and a start, by the next one).
    if (this.dirty) this.changed();
  }

  private publish(board: LiveBoard, askedAt: number): void {
    const before = this.board;
    this.board = board;
    this.boardAskedAt = askedAt;
    this.current = true;
    const ageMs = this.now() - askedAt;
    const delta = before === undefined ? undefined : boardDelta(before, board);
    if (delta !== undefined) this.history.record(delta);
    const message: WallboardMessage =
      delta === undefined ? { kind: 'fresh', ageMs } : { kind: 'delta', ageMs, delta };
    for (const listener of this.listeners) {
      const owed = this.owed.has(listener);
      const lastEventId = this.owed.get(listener);
      this.owed.delete(listener);
      listener.send(owed ? this.catchingUp(board, lastEventId, ageMs) : message, this.history.id);
    }
  }

  /** For a new watcher: what changed since the board it names, else the whole board. */
  private catchingUp(board: LiveBoard, lastEventId: string | undefined, ageMs: number): WallboardMessage {
    const since = lastEventId === undefined ? undefined : this.history.since(lastEventId);
    if (since === undefined) return { kind: 'snapshot', ageMs, board };
    return since === null ? { kind: 'fresh', ageMs } : { kind: 'delta', ageMs, delta: since };
  }
}
