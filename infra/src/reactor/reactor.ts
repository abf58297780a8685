import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  HotlineError,
  parseOrThrow,
  systemActor,
  type Actor,
  type CommandDefinition,
  type EventDefinition,
  type RecordedEvent,
} from '@hotline/contracts';
import type { z } from 'zod';
import type { EventBus, EventConsumer } from '../bus/event-bus.port';
import { parseCommand, type ParsedCommand } from '../command/parse-command';
import type { Logger } from '../telemetry/create-logger';

/**
 * A process manager: the events it reacts to and what it does with one. `react` turns the event into
 * commands (`reaction.command`) and sends them wherever they are handled (the service's own
 * `handleCommand`, or `BusRequests` for another service's).
 */
export interface ReactorSpec {
  /** The durable consumer's name (its delivery state and its dead letters) and, unless `actor`, who sends. */
  name: string;
  /**
   * The events reacted to. Each arrives at its definition's current version (an older one lifted by
   * the upcaster); one whose data its schema refuses is poison and goes to the dead-letter path at once.
   */
  events: readonly EventDefinition[];
  /** Who the commands come from; `systemActor(name)` by default. */
  actor?: Actor;
  /** Deliveries of one event before it goes to the dead-letter path (the bus's default when absent). */
  maxDeliveries?: number;
  /** What the log says when a command is refused for good, e.g. 'the case refused a repeat contact'. */
  refusal?: string;
  readonly react: (reaction: Reaction) => Promise<void>;
}

/** One event being reacted to, and the commands it causes. */
export interface Reaction {
  /** At its definition's current version. */
  readonly event: RecordedEvent;
  /**
   * The command `step` of this event: id `<step>-<event id>`, so a redelivered event sends the same
   * command and the handler answers its first result; correlation, district and trace continue the
   * event's, the event is the cause.
   */
  readonly command: <D extends CommandDefinition>(
    definition: D,
    step: string,
    data: z.input<D['schema']>,
  ) => ParsedCommand<D>;
  /**
   * A command whose id names the thing it makes rather than the event (a supervision opened once per
   * case whichever event asks first; one delivery attempt), for when two events must not make two.
   */
  readonly commandWithId: <D extends CommandDefinition>(
    definition: D,
    commandId: string,
    data: z.input<D['schema']>,
  ) => ParsedCommand<D>;
  /** Runs one step of several; a refusal for good is logged and the next step still runs. */
  readonly refusable: (step: () => Promise<unknown>) => Promise<void>;
}

/** A refusal that a retry cannot change (a rule, a missing aggregate, a role, a field): logged, not redelivered. */
export const isFinalRefusal = (error: unknown): boolean =>
  error instanceof HotlineError && ['rule', 'forbidden', 'not-found', 'validation'].includes(error.kind);

const MAX_COMMAND_ID = 128;

/**
 * The event as the reactor sees it: at its definition's current version and checked against its
 * schema. A throw names the field; the bus sends the event to the dead-letter path with it.
 */
export function liftReactedEvent(spec: Pick<ReactorSpec, 'events'>, event: RecordedEvent): RecordedEvent {
  const definition = spec.events.find((d) => d.type === event.type);
  if (!definition) throw new Error(`${event.type} is not one of the events this reactor reacts to`);
  if (event.version > definition.version)
    throw new Error(
      `${event.type} v${event.version} is newer than this build knows (v${definition.version})`,
    );
  const data =
    event.version < definition.version && definition.upcast
      ? definition.upcast(event.data, event.version)
      : event.data;
  parseOrThrow(definition.schema, data, 'data');
  return data === event.data ? event : { ...event, version: definition.version, data };
}

/** The reaction to one event: its commands' ids and metadata, its refusals logged. */
export function reactionTo(spec: ReactorSpec, event: RecordedEvent, logger?: Logger): Reaction {
  const actor = spec.actor ?? systemActor(spec.name);
  const metadata = {
    correlationId: event.metadata.correlationId,
    causationId: event.id,
    actor,
    districtId: event.metadata.districtId,
    ...(event.metadata.traceparent ? { traceparent: event.metadata.traceparent } : {}),
  };
  const commandWithId = <D extends CommandDefinition>(
    definition: D,
    commandId: string,
    data: unknown,
  ): ParsedCommand<D> => {
    try {
      return parseCommand(definition, {
        commandId: commandId.slice(0, MAX_COMMAND_ID),
        type: definition.type,
        data,
        metadata,
      });
    } catch (error) {
      // A command the reactor itself builds wrong is a defect, not a refusal: redelivered, then dead-lettered.
      throw new Error(
        `${spec.name} built an invalid ${definition.type}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  return {
    event,
    command: (definition, step, data) => commandWithId(definition, `${step}-${event.id}`, data),
    commandWithId,
    refusable: async (step) => {
      try {
        await step();
      } catch (error) {
        if (!isFinalRefusal(error)) throw error;
        // A rule refusal is the process arriving late (the case closed meanwhile): an outcome, told at
        // info. A role, a missing aggregate or a field refused is a setup or a defect: a warning.
        // An outcome has no stack worth printing: its code and reason, as a defect's stack would drown them.
        const refused = error as HotlineError;
        const outcome = refused.kind === 'rule';
        logger?.[outcome ? 'info' : 'warn'](
          {
            ...(outcome ? { code: refused.code, reason: refused.message } : { err: error }),
            reactor: spec.name,
            eventType: event.type,
            eventId: event.id,
          },
          spec.refusal ?? `${spec.name}: a command was refused`,
        );
      }
    },
  };
}

/**
 * Runs a process manager on the event bus, at least once and idempotent: each command's id derives
 * from the event, so a redelivery is answered with the first result; a refusal for good is logged and
 * the event acknowledged; anything else fails the delivery, which is redelivered until the bus gives
 * up and dead-letters it. A malformed event is dead-lettered at once. A Nest provider: it starts
 * consuming when the application has bootstrapped and drains when the module is destroyed.
 */
export class Reactor implements OnApplicationBootstrap, OnModuleDestroy {
  private consumer: EventConsumer | undefined;

  constructor(
    private readonly bus: EventBus,
    readonly spec: ReactorSpec,
    private readonly logger?: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  async start(): Promise<void> {
    const { spec } = this;
    this.consumer = await this.bus.consume(
      {
        durableName: spec.name,
        filter: { eventTypes: spec.events.map((d) => d.type) },
        ...(spec.maxDeliveries !== undefined ? { maxDeliveries: spec.maxDeliveries } : {}),
        validate: (event) => {
          liftReactedEvent(spec, event);
        },
      },
      (event) => this.handle(event),
    );
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = undefined;
  }

  private async handle(recorded: RecordedEvent): Promise<void> {
    const reaction = reactionTo(this.spec, liftReactedEvent(this.spec, recorded), this.logger);
    await reaction.refusable(() => this.spec.react(reaction));
  }
}

/** The Nest provider of a reactor (its token names it), for a module's `providers`. */
export const reactorProvider = (
  bus: EventBus,
  spec: ReactorSpec,
  logger?: Logger,
): { provide: string; useValue: Reactor } => ({
  provide: `reactor:${spec.name}`,
  useValue: new Reactor(bus, spec, logger),
});
