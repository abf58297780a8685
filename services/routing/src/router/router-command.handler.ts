import {
  CommandEnvelopeSchema,
  parseOrThrow,
  ValidationError,
  type Clock,
  type CommandEnvelope,
  type EventToAppend,
  type MessageRegistry,
  type RecordedEvent,
  type RouterCommand,
  type RouterEvent,
} from '@hotline/contracts';
import { deriveEventId, type CommandResult } from '@hotline/infra/command';
import {
  IdempotencyConflict,
  WrongExpectedVersion,
  type AppendResult,
  type EventStore,
} from '@hotline/infra/event-store';
import {
  ROUTER_SNAPSHOT_VERSION,
  type RouterSnapshot,
  type RouterSnapshotStore,
  type SnapshotPart,
} from '../snapshot/router-snapshot';
import { restoreState, stateData } from '../snapshot/router-state-data';
import { settleBatch, type Outcome, type Waiting } from './router-batch';
import { routerDecider, routerStreamId } from './router.decider';
import type { RouterState } from './router-state';

const MAX_ATTEMPTS = 20;
/** Commands decided into one append at most (group commit). */
const MAX_BATCH_COMMANDS = 256;
/** A batch takes no more commands once it holds this many events (one INSERT statement's worth). */
const MAX_BATCH_EVENTS = 1_000;
/** Command ids remembered for idempotency; far more than can be in flight or redelivered. */
const REMEMBERED_COMMANDS = 100_000;
/** Command results a snapshot carries (the newest): a command retried across a restart. */
const SNAPSHOT_COMMANDS = 10_000;

/** Start from the latest snapshot, and write one every `everyEvents` events or `everyMs`. */
export interface RouterSnapshotOptions {
  store: RouterSnapshotStore;
  everyEvents: number;
  everyMs: number;
  /**
   * At most one snapshot in this long (default none): at a thousand contacts a second
   * `everyEvents` comes round several times a second, and each snapshot serializes the whole state.
   */
  minSpacingMs?: number;
  /** The other folds of the stream (statistics), saved and restored with the state. */
  parts?: SnapshotPart;
  onError?: (error: unknown) => void;
}

export interface RouterHandlerDeps {
  store: EventStore;
  clock: Clock;
  registry: MessageRegistry;
  districtId: string;
  /** Called with each event as it is folded (read models, live updates). */
  onEvent?: (event: RecordedEvent<RouterEvent['data']> & { type: RouterEvent['type'] }) => void;
  snapshots?: RouterSnapshotOptions;
}

/**
 * The router of one district behind the bus. Unlike the per-case aggregates, the router is one long
 * stream, so it is not reloaded per command: each instance keeps the state in memory and reads only
 * the events after the last it folded. Commands are decided in batches (group commit): every
 * command waiting when the instance is free is decided in turn on the caught-up state, each seeing
 * the events of those before it, and the batch is appended at once with that revision as the
 * expected one. Another instance's append in between fails the whole batch, which is decided again
 * after catching up. So two instances can never both offer: every offer was decided on the state
 * that holds every earlier offer. A command refused by the rules fails alone; the rest of its
 * batch is stored.
 */
export class RouterCommandHandler {
  readonly streamId: string;
  readonly districtId: string;
  private state: RouterState = routerDecider.initialState();
  private revision: number | 'noStream' = 'noStream';
  private lastPosition = 0;
  private lastEventId = '';
  private started = false;
  private snapshotRevision = -1;
  private snapshotAt = 0;
  private saving: Promise<void> = Promise.resolve();
  private readonly results = new Map<string, CommandResult>();
  private waiting: Waiting[] = [];
  /** Queries waiting for a catch-up that starts after they asked. */
  private readers: Array<{ resolve: (state: RouterState) => void; reject: (error: unknown) => void }> = [];
  private pumping = false;
  /**
   * The last catch-up found events of another instance (this instance folds its own from the
   * append, on a store that names positions): the next batch reads the stream first.
   */
  private othersWriting = false;

  constructor(private readonly deps: RouterHandlerDeps) {
    this.streamId = routerStreamId(deps.districtId);
    this.districtId = deps.districtId;
  }

  /** Bad input is refused at once; a valid command waits for the next batch of this instance. */
  async handle(raw: CommandEnvelope): Promise<CommandResult> {
    const parsed = this.parse(raw);
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...parsed, resolve, reject });
      this.pump();
    });
  }

  /**
   * The state caught up with the store, for queries (read after write within the district): every
   * query waiting shares the next read of the stream, and commands of this instance answered
   * before the query are in it.
   */
  current(): Promise<RouterState> {
    return new Promise((resolve, reject) => {
      this.readers.push({ resolve, reject });
      this.pump();
    });
  }

  /** The state as this instance last folded it, without reading the store. */
  get folded(): RouterState {
    return this.state;
  }

  private parse(raw: CommandEnvelope): { envelope: CommandEnvelope; command: RouterCommand } {
    const envelope = parseOrThrow(CommandEnvelopeSchema, raw) as CommandEnvelope;
    const definition = this.deps.registry.command(envelope.type);
    if (!definition || definition.service !== 'routing') {
      throw new ValidationError('type', `${envelope.type} is not a routing command`);
    }
    const command = {
      type: envelope.type,
      data: parseOrThrow(definition.schema, envelope.data, 'data'),
    } as RouterCommand;
    return { envelope, command };
  }

  /** One loop per instance: batches and catch-ups run one at a time (they all touch the one state). */
  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    void this.drain().finally(() => {
      this.pumping = false;
      if (this.waiting.length > 0 || this.readers.length > 0) this.pump();
    });
  }

  private async drain(): Promise<void> {
    // A batch ends with its own events folded. The next starts from there (no read) when no other
    // instance wrote lately and no query waits (a query must see what other instances stored); when
    // one did, a start without a read would most likely lose its append, which costs more than the read.
    let current = false;
    while (this.waiting.length > 0 || this.readers.length > 0) {
      const readers = this.readers.splice(0);
      try {
        if (!current || readers.length > 0) await this.catchUp();
      } catch (error) {
        for (const reader of readers) reader.reject(error);
        for (const waiting of this.waiting.splice(0)) waiting.reject(error);
        continue;
      }
      for (const reader of readers) reader.resolve(this.state);
      // Taken after the read: the commands that arrived meanwhile join this batch.
      const batch = this.waiting.splice(0, MAX_BATCH_COMMANDS);
      try {
        current = batch.length > 0 && (await this.decideAndAppend(batch)) && !this.othersWriting;
      } catch (error) {
        // A fault of ours (not a refusal, not the store): no caller is left waiting. Settling a
        // promise twice does nothing, so the commands already answered keep their answers.
        for (const waiting of batch) waiting.reject(error);
        current = false;
      }
    }
  }

  /**
   * Decides the batch on the caught-up state and appends it at once; settles every command.
   * True when it ended with its own events folded (from the append's result or read back), so the
   * state is as new as this instance's last append.
   */
  private async decideAndAppend(batch: Waiting[]): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) {
        try {
          await this.catchUp();
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
          return false;
        }
      }
      const { outcomes, events } = this.decideAll(batch);
      const later = outcomes.findIndex((outcome) => outcome.kind === 'later');
      if (later >= 0) {
        // Too many events for one append: the rest goes first into the next batch.
        this.waiting.unshift(...batch.splice(later));
        outcomes.splice(later);
      }
      if (events.length > 0) {
        let appended: AppendResult;
        try {
          appended = await this.deps.store.append(this.streamId, events, this.revision);
        } catch (error) {
          // Another instance appended first (or stored one of these commands already: the same
          // command id sent to both). A short random pause breaks the lockstep in which the same
          // instance could lose every round to a faster one.
          const lost = error instanceof WrongExpectedVersion || error instanceof IdempotencyConflict;
          if (lost && attempt < MAX_ATTEMPTS) {
            await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt, 10) * 2));
            continue;
          }
          this.settle(batch, outcomes, error);
          return false;
        }
        if (!this.foldOwn(events, appended)) {
          try {
            await this.catchUp();
          } catch (error) {
            this.settle(batch, outcomes, error);
            return false;
          }
        }
      }
      this.settle(batch, outcomes);
      return events.length > 0;
    }
  }

  /**
   * Each command in turn on the state, inside one trial: a command's events are folded before the
   * next is decided, and the state is left as it was (the appended events are folded when read back).
   */
  private decideAll(batch: Waiting[]): { outcomes: Outcome[]; events: EventToAppend[] } {
    const events: EventToAppend[] = [];
    const outcomes = this.state.trial(() => {
      const first = new Map<string, number>();
      return batch.map((waiting, index): Outcome => {
        const { envelope, command } = waiting;
        const earlier = this.results.get(envelope.commandId);
        if (earlier) return { kind: 'answered', result: { ...earlier, idempotent: true } };
        const of = first.get(envelope.commandId);
        if (of !== undefined) return { kind: 'repeat', of };
        if (events.length >= MAX_BATCH_EVENTS) return { kind: 'later' };
        first.set(envelope.commandId, index);
        const now = this.deps.clock.now();
        let decided: RouterEvent[];
        try {
          decided = routerDecider.decide(command, this.state, {
            now,
            actor: envelope.metadata.actor,
            districtId: envelope.metadata.districtId,
            commandId: envelope.commandId,
          });
        } catch (error) {
          return { kind: 'refused', error };
        }
        decided.forEach((event, i) => {
          routerDecider.evolve(this.state, event);
          events.push(this.toAppend(event, i, envelope, now));
        });
        return { kind: 'decided', events: decided.length };
      });
    });
    return { outcomes, events };
  }

  /** Answers every command of a batch: from the results read back, or with the append's failure. */
  private settle(batch: Waiting[], outcomes: Outcome[], failure?: unknown): void {
    settleBatch(batch, outcomes, {
      failure,
      results: this.results,
      // A command that changed nothing: the stream as this instance last read it.
      unchanged: {
        streamId: this.streamId,
        events: [],
        nextExpectedRevision: this.revision,
        position: this.lastPosition,
        idempotent: false,
      },
    });
  }

  private toAppend(event: RouterEvent, index: number, envelope: CommandEnvelope, now: Date): EventToAppend {
    const { actor, districtId, correlationId, traceparent } = envelope.metadata;
    return {
      id: deriveEventId(this.streamId, envelope.commandId, index),
      type: event.type,
      version: this.deps.registry.event(event.type)!.version,
      data: event.data,
      time: now.toISOString(),
      metadata: {
        correlationId,
        causationId: envelope.commandId,
        commandId: envelope.commandId,
        actor,
        districtId,
        ...(traceparent !== undefined ? { traceparent } : {}),
      },
    };
  }

  /** Resolves once the snapshots this instance started writing are stored (tests, shutdown). */
  snapshotsWritten(): Promise<void> {
    return this.saving;
  }

  /**
   * The state from the latest snapshot, when it belongs to this stream (the event it was taken
   * after is there, with its id): the first catch-up then reads only the events after it.
   */
  private async startFromSnapshot(options: RouterSnapshotOptions): Promise<void> {
    let snapshot: RouterSnapshot | undefined;
    try {
      snapshot = await options.store.load(this.streamId);
    } catch (error) {
      options.onError?.(error);
      return;
    }
    if (snapshot?.version !== ROUTER_SNAPSHOT_VERSION) return;
    const [last] = await this.deps.store.readStreamOrEmpty(this.streamId, {
      fromRevision: snapshot.revision,
      maxCount: 1,
    });
    if (last?.id !== snapshot.eventId) return;
    this.state = restoreState(snapshot.state);
    this.revision = snapshot.revision;
    this.lastPosition = snapshot.position;
    this.lastEventId = snapshot.eventId;
    for (const [commandId, result] of snapshot.commands) this.results.set(commandId, result);
    options.parts?.restore(snapshot.parts);
    this.snapshotRevision = snapshot.revision;
    this.snapshotAt = this.deps.clock.now().getTime();
  }

  /** Takes a snapshot when one is due; it is serialized now and stored in the background. */
  private snapshotIfDue(options: RouterSnapshotOptions): void {
    if (this.revision === 'noStream') return;
    const revision = this.revision;
    const now = this.deps.clock.now().getTime();
    const due =
      (revision - this.snapshotRevision >= options.everyEvents &&
        now - this.snapshotAt >= (options.minSpacingMs ?? 0)) ||
      (revision > this.snapshotRevision && now - this.snapshotAt >= options.everyMs);
    if (!due) return;
    const snapshot: RouterSnapshot = {
      version: ROUTER_SNAPSHOT_VERSION,
      revision,
      position: this.lastPosition,
      eventId: this.lastEventId,
      state: stateData(this.state),
      commands: this.newestResults(SNAPSHOT_COMMANDS),
      parts: options.parts?.take(),
    };
    const json = JSON.stringify(snapshot);
    this.snapshotRevision = revision;
    this.snapshotAt = now;
    this.saving = this.saving
      .then(() => options.store.save(this.streamId, { revision, json }))
      .catch((error: unknown) => options.onError?.(error));
  }

  /** The newest `count` command results, oldest first, without copying all of them. */
  private newestResults(count: number): Array<[string, CommandResult]> {
    const newest: Array<[string, CommandResult]> = [];
    let skip = this.results.size - count;
    for (const entry of this.results) if (skip-- <= 0) newest.push(entry);
    return newest;
  }

  /**
   * Folds a batch's own events from what was appended and the append's result, without reading
   * them back: only when the store names each event's position and the events follow the state's
   * revision (a repeated append, answered with an earlier append's result, is read back instead).
   * The data go through JSON and the registry as a read would take them, so this instance folds
   * exactly what another instance reads.
   */
  private foldOwn(events: EventToAppend[], appended: AppendResult): boolean {
    const positions = appended.positions;
    const first = this.revision === 'noStream' ? 0 : this.revision + 1;
    if (positions?.length !== events.length || appended.nextExpectedRevision !== first + events.length - 1)
      return false;
    events.forEach((event, i) => {
      this.fold({
        ...(JSON.parse(JSON.stringify(event)) as EventToAppend),
        streamId: this.streamId,
        revision: first + i,
        position: positions[i]!,
      });
    });
    if (this.deps.snapshots) this.snapshotIfDue(this.deps.snapshots);
    return true;
  }

  /** One stored event of this stream into the state, the command results and the read models. */
  private fold(stored: RecordedEvent): void {
    const data = this.deps.registry.readEventData(stored.type, stored.version, stored.data);
    const event = { type: stored.type, data } as RouterEvent;
    this.state = routerDecider.evolve(this.state, event);
    this.revision = stored.revision;
    this.lastPosition = stored.position;
    this.lastEventId = stored.id;
    this.remember(stored);
    this.deps.onEvent?.({ ...stored, data } as RecordedEvent<RouterEvent['data']> & {
      type: RouterEvent['type'];
    });
  }

  /** Folds the events appended since the last one this instance saw (by any instance). */
  private async catchUp(): Promise<void> {
    const snapshots = this.deps.snapshots;
    if (!this.started) {
      this.started = true;
      if (snapshots) await this.startFromSnapshot(snapshots);
    }
    const fromRevision = this.revision === 'noStream' ? 0 : this.revision + 1;
    const recorded = await this.deps.store.readStreamOrEmpty(this.streamId, { fromRevision });
    for (const stored of recorded) this.fold(stored);
    this.othersWriting = recorded.length > 0;
    if (snapshots && recorded.length > 0) this.snapshotIfDue(snapshots);
  }

  private remember(event: RecordedEvent): void {
    const commandId = event.metadata.commandId;
    if (commandId === undefined) return;
    const earlier = this.results.get(commandId);
    const summary = { id: event.id, type: event.type, version: event.version, revision: event.revision };
    this.results.delete(commandId);
    this.results.set(commandId, {
      streamId: this.streamId,
      events: [...(earlier?.events ?? []), summary],
      nextExpectedRevision: event.revision,
      position: event.position,
      idempotent: false,
    });
    if (this.results.size > REMEMBERED_COMMANDS) this.results.delete(this.results.keys().next().value!);
  }
}
