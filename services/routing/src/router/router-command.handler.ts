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
import { WrongExpectedVersion, type EventStore } from '@hotline/infra/event-store';
import {
  ROUTER_SNAPSHOT_VERSION,
  type RouterSnapshot,
  type RouterSnapshotStore,
  type SnapshotPart,
} from '../snapshot/router-snapshot';
import { restoreState, stateData } from '../snapshot/router-state-data';
import { routerDecider, routerStreamId } from './router.decider';
import type { RouterState } from './router-state';

const MAX_ATTEMPTS = 20;
/** Command ids remembered for idempotency; far more than can be in flight or redelivered. */
const REMEMBERED_COMMANDS = 100_000;
/** Command results a snapshot carries (the newest): a command retried across a restart. */
const SNAPSHOT_COMMANDS = 10_000;

/** Start from the latest snapshot, and write one every `everyEvents` events or `everyMs`. */
export interface RouterSnapshotOptions {
  store: RouterSnapshotStore;
  everyEvents: number;
  everyMs: number;
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
 * the events after the last it folded. A command is decided on the caught-up state and appended
 * with that revision as the expected one; another instance's append in between fails the append,
 * and the command is decided again after catching up. So two instances can never both offer:
 * every offer was decided on the state that holds every earlier offer.
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
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: RouterHandlerDeps) {
    this.streamId = routerStreamId(deps.districtId);
    this.districtId = deps.districtId;
  }

  /** Commands of one instance run one at a time (they all touch the one state). */
  handle(envelope: CommandEnvelope): Promise<CommandResult> {
    const run = this.tail.then(() => this.decideAndAppend(envelope));
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** The state caught up with the store, for queries (read after write within the district). */
  async current(): Promise<RouterState> {
    await (this.tail = this.tail.then(() => this.catchUp()));
    return this.state;
  }

  /** The state as this instance last folded it, without reading the store. */
  get folded(): RouterState {
    return this.state;
  }

  private async decideAndAppend(raw: CommandEnvelope): Promise<CommandResult> {
    const envelope = parseOrThrow(CommandEnvelopeSchema, raw) as CommandEnvelope;
    const definition = this.deps.registry.command(envelope.type);
    if (!definition || definition.service !== 'routing') {
      throw new ValidationError('type', `${envelope.type} is not a routing command`);
    }
    const command = {
      type: envelope.type,
      data: parseOrThrow(definition.schema, envelope.data, 'data'),
    } as RouterCommand;
    for (let attempt = 1; ; attempt++) {
      await this.catchUp();
      const earlier = this.results.get(envelope.commandId);
      if (earlier) return { ...earlier, idempotent: true };
      const now = this.deps.clock.now();
      const events = routerDecider.decide(command, this.state, {
        now,
        actor: envelope.metadata.actor,
        districtId: envelope.metadata.districtId,
        commandId: envelope.commandId,
      });
      if (events.length === 0) {
        return {
          streamId: this.streamId,
          events: [],
          nextExpectedRevision: this.revision,
          position: this.lastPosition,
          idempotent: false,
        };
      }
      const toAppend = events.map((event, index) => this.toAppend(event, index, envelope, now));
      try {
        await this.deps.store.append(this.streamId, toAppend, this.revision);
      } catch (error) {
        if (error instanceof WrongExpectedVersion && attempt < MAX_ATTEMPTS) {
          // Another instance appended first. A short random pause breaks the lockstep in which the same
          // instance could lose every round to a faster one.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt, 10) * 2));
          continue;
        }
        throw error;
      }
      await this.catchUp();
      const result = this.results.get(envelope.commandId);
      if (result) return result;
      throw new Error(`command ${envelope.commandId} was appended but not read back`);
    }
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
      revision - this.snapshotRevision >= options.everyEvents ||
      (revision > this.snapshotRevision && now - this.snapshotAt >= options.everyMs);
    if (!due) return;
    const snapshot: RouterSnapshot = {
      version: ROUTER_SNAPSHOT_VERSION,
      revision,
      position: this.lastPosition,
      eventId: this.lastEventId,
      state: stateData(this.state),
      commands: [...this.results.entries()].slice(-SNAPSHOT_COMMANDS),
      parts: options.parts?.take(),
    };
    const json = JSON.stringify(snapshot);
    this.snapshotRevision = revision;
    this.snapshotAt = now;
    this.saving = this.saving
      .then(() => options.store.save(this.streamId, { revision, json }))
      .catch((error: unknown) => options.onError?.(error));
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
    for (const stored of recorded) {
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
