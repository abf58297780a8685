import type { CommandDefinition, EventDefinition, RecordedEvent } from '@hotline/contracts';
import type { EventStore } from '../event-store/event-store.port';
import type { Decider, DomainMessage } from './decider';

/** An aggregate's stream as `decide` needs it: the folded state, the events, the expected revision. */
export interface LoadedAggregate<S> {
  state: S;
  events: RecordedEvent[];
  expected: number | 'noStream';
}

/**
 * One aggregate, made once from the registry: its stream category, its decider, the definitions of
 * the events it writes (whose versions are stamped on append, and whose upcasters lift older stored
 * versions on load) and of the commands it takes.
 */
export interface Aggregate<C extends DomainMessage, E extends DomainMessage, S, X extends object = object> {
  /** Streams are `<category>-<id>`; the category is the events' category. */
  readonly category: string;
  readonly decider: Decider<C, E, S, X>;
  readonly commands: readonly CommandDefinition[];
  readonly events: readonly EventDefinition[];
  /** Its events carry the district of the stream's first event, whoever writes them. */
  readonly keepsDistrict: boolean;
  streamId(id: string): string;
  /** The version an event of this type is written at: its definition's. */
  eventVersion(type: E['type']): number;
  /** A stored event as `evolve` takes it, lifted from an older version by its definition's upcaster. */
  domainEvent(event: RecordedEvent): E;
  fold(events: readonly RecordedEvent[]): S;
  /** The stream of `id` folded; a stream with no events is the initial state. One read. */
  load(store: EventStore, id: string): Promise<LoadedAggregate<S>>;
}

export interface AggregateSpec<C extends DomainMessage, E extends DomainMessage, S, X extends object> {
  category: string;
  decider: Decider<C, E, S, X>;
  events: readonly EventDefinition[];
  commands?: readonly CommandDefinition[];
  /** A stream belongs to the district it was created in (a case): see `DecideContext.streamDistrictId`. */
  keepsDistrict?: boolean;
}

export function defineAggregate<
  C extends DomainMessage,
  E extends DomainMessage,
  S,
  X extends object = object,
>(spec: AggregateSpec<C, E, S, X>): Aggregate<C, E, S, X> {
  const definitions = new Map<string, EventDefinition>();
  for (const definition of spec.events) {
    if (definition.category !== spec.category)
      throw new Error(`${definition.type} is a ${definition.category} event, not ${spec.category}`);
    definitions.set(definition.type, definition);
  }
  const definitionOf = (type: string): EventDefinition => {
    const definition = definitions.get(type);
    if (!definition) throw new Error(`${type} is not an event of ${spec.category}`);
    return definition;
  };
  const domainEvent = (event: RecordedEvent): E => {
    const definition = definitionOf(event.type);
    if (event.version === definition.version) return { type: event.type, data: event.data } as E;
    if (event.version > definition.version)
      throw new Error(
        `${event.type} v${event.version} is newer than this build knows (v${definition.version})`,
      );
    const data = definition.upcast ? definition.upcast(event.data, event.version) : event.data;
    return { type: event.type, data } as E;
  };
  const fold = (events: readonly RecordedEvent[]): S =>
    events.reduce(
      (state, event) => spec.decider.evolve(state, domainEvent(event)),
      spec.decider.initialState(),
    );
  const streamId = (id: string): string => `${spec.category}-${id}`;
  return {
    category: spec.category,
    decider: spec.decider,
    commands: spec.commands ?? [],
    events: spec.events,
    keepsDistrict: spec.keepsDistrict ?? false,
    streamId,
    eventVersion: (type) => definitionOf(type).version,
    domainEvent,
    fold,
    async load(store, id) {
      const events = await store.readStreamOrEmpty(streamId(id));
      const last = events.at(-1);
      return { state: fold(events), events, expected: last ? last.revision : 'noStream' };
    },
  };
}
