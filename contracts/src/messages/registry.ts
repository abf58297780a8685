import type { RecordedEvent } from '../kernel/envelope';
import type { CommandDefinition, EventDefinition, QueryDefinition } from './define';

/**
 * All message definitions of the platform, registered by each service's contracts module. The
 * AsyncAPI document is generated from this registry, and consumers use it to validate and upcast.
 */
export class MessageRegistry {
  private readonly events = new Map<string, EventDefinition>();
  private readonly commands = new Map<string, CommandDefinition>();
  private readonly queries = new Map<string, QueryDefinition>();

  register(...defs: Array<EventDefinition | CommandDefinition | QueryDefinition>): this {
    for (const def of defs) {
      const map: Map<string, unknown> =
        def.kind === 'event' ? this.events : def.kind === 'command' ? this.commands : this.queries;
      if (map.has(def.type)) throw new Error(`${def.kind} type ${def.type} is registered twice`);
      map.set(def.type, def);
    }
    return this;
  }

  event(type: string): EventDefinition | undefined {
    return this.events.get(type);
  }
  command(type: string): CommandDefinition | undefined {
    return this.commands.get(type);
  }
  query(type: string): QueryDefinition | undefined {
    return this.queries.get(type);
  }

  allEvents(): EventDefinition[] {
    return [...this.events.values()].sort((a, b) => a.type.localeCompare(b.type));
  }
  allCommands(): CommandDefinition[] {
    return [...this.commands.values()].sort((a, b) => a.type.localeCompare(b.type));
  }
  allQueries(): QueryDefinition[] {
    return [...this.queries.values()].sort((a, b) => a.type.localeCompare(b.type));
  }

  /** Validates an event's data against its schema, upcasting older versions first. */
  readEventData(type: string, version: number, data: unknown): unknown {
    const def = this.events.get(type);
    if (!def) throw new Error(`unknown event type ${type}`);
    if (version > def.version)
      throw new Error(`${type} v${version} is newer than this build knows (v${def.version})`);
    const lifted = version < def.version ? (def.upcast ? def.upcast(data, version) : data) : data;
    return def.schema.parse(lifted);
  }

  /**
   * A stored event at its type's current version: an older one lifted by the definition's upcaster
   * (without validating, which readers on the hot path cannot afford). Unknown types and current
   * versions pass unchanged; a version newer than this build knows is refused.
   */
  upcast(event: RecordedEvent): RecordedEvent {
    const def = this.events.get(event.type);
    if (!def || event.version === def.version) return event;
    if (event.version > def.version)
      throw new Error(`${event.type} v${event.version} is newer than this build knows (v${def.version})`);
    const data = def.upcast ? def.upcast(event.data, event.version) : event.data;
    return { ...event, version: def.version, data };
  }
}
