import type { PollFrameCommand, PollFrameEvent, RecordedEvent } from '@hotline/contracts';
import type { Aggregate, LoadedAggregate } from '@hotline/infra/command';
import type { EventStore } from '@hotline/infra/event-store';
import { pollFrameAggregate, type PollFrameContext, type PollFrameState } from './poll-frame.decider';

type FrameAggregate = Aggregate<PollFrameCommand, PollFrameEvent, PollFrameState, PollFrameContext>;

/** One frame's stream folded in memory: the numbers in it and where each command's events are. */
interface FoldedFrame {
  state: PollFrameState;
  /** Revision of the last event folded; -1 before the first. */
  revision: number;
  /** Each command's events in the stream (first and last revision): a repeated part is answered. */
  commands: Map<string, { from: number; to: number }>;
  usedAt: number;
}

export interface FrameStreamCacheOptions {
  /** Frames kept folded at once (the least recently used goes first). */
  maxFrames?: number;
  /** A frame not imported into for this long is let go. */
  idleMs?: number;
  now?: () => number;
}

/**
 * The frame streams as the import of a part needs them, folded once per instance and then only
 * caught up: a load reads the events appended since the last load (the previous part's, or another
 * instance's), so a part's import costs its own size, not the frame's (a 1,000,000-number frame is
 * 1,000 events of numbers; re-reading them made the 20th part of a file twenty times slower than the
 * first). The stream stays the truth: the append still expects the revision folded, so a part
 * another instance appended in between makes it load the new events and decide again; a command id
 * already in the stream is answered from its own events, read by their revisions.
 *
 * Why in memory and not a stored snapshot or a read model: the duplicate rule needs every number
 * already in the frame, and any stored form of them (a snapshot, a read model to query) is read in
 * full or written a number at a time, while frames are built in one sitting (a file's parts one
 * after the other, to one service) and fixed once the sample is drawn. A cold instance pays one full
 * read of the frame, once; the numbers take about 100 bytes each (100 MB for a million), so at most
 * `maxFrames` are kept and an idle one is dropped.
 */
export class FrameStreamCache {
  private readonly frames = new Map<string, FoldedFrame>();
  private readonly maxFrames: number;
  private readonly idleMs: number;
  private readonly now: () => number;

  constructor(options: FrameStreamCacheOptions = {}) {
    this.maxFrames = options.maxFrames ?? 4;
    this.idleMs = options.idleMs ?? 15 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The frame aggregate whose load (for the command `commandId`) catches the folded stream up. */
  aggregate(commandId: string): FrameAggregate {
    return { ...pollFrameAggregate, load: (store, id) => this.load(store, id, commandId) };
  }

  /** How many frames are folded in memory (for the tests and the health of the instance). */
  get size(): number {
    return this.frames.size;
  }

  private async load(
    store: EventStore,
    id: string,
    commandId: string,
  ): Promise<LoadedAggregate<PollFrameState>> {
    const streamId = pollFrameAggregate.streamId(id);
    const folded = this.frames.get(streamId) ?? this.empty();
    const fresh = await store.readStreamOrEmpty(streamId, { fromRevision: folded.revision + 1 });
    // Two loads of one frame at once may read the same new events: each is folded once.
    for (const event of fresh) {
      if (event.revision <= folded.revision) continue;
      folded.state = pollFrameAggregate.decider.evolve(folded.state, pollFrameAggregate.domainEvent(event));
      folded.revision = event.revision;
      noteCommand(folded, event);
    }
    folded.usedAt = this.now();
    this.keep(streamId, folded);
    const earlier = folded.commands.get(commandId);
    const events = earlier
      ? await store.readStream(streamId, {
          fromRevision: earlier.from,
          maxCount: earlier.to - earlier.from + 1,
        })
      : [];
    return {
      state: folded.state,
      events,
      expected: folded.revision < 0 ? 'noStream' : folded.revision,
    };
  }

  private empty(): FoldedFrame {
    return {
      state: pollFrameAggregate.decider.initialState(),
      revision: -1,
      commands: new Map(),
      usedAt: this.now(),
    };
  }

  private keep(streamId: string, folded: FoldedFrame): void {
    this.frames.delete(streamId);
    const now = this.now();
    for (const [key, frame] of this.frames) if (now - frame.usedAt > this.idleMs) this.frames.delete(key);
    // Map order is insertion order and a used frame is put back last: the first is the least used.
    while (this.frames.size >= this.maxFrames) {
      const [oldest] = this.frames.keys();
      if (oldest === undefined) break;
      this.frames.delete(oldest);
    }
    this.frames.set(streamId, folded);
  }
}

function noteCommand(folded: FoldedFrame, event: RecordedEvent): void {
  const commandId = event.metadata.commandId;
  if (commandId === undefined) return;
  const known = folded.commands.get(commandId);
  folded.commands.set(
    commandId,
    known ? { ...known, to: event.revision } : { from: event.revision, to: event.revision },
  );
}
