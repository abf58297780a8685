import type { z } from 'zod';

/**
 * Every message type is declared once, as a schema; the TypeScript type is derived from it.
 * Events carry a version; when a schema changes, the new version names how to lift the old
 * payload (`upcast`), so stored history never has to be rewritten.
 */
export interface EventDefinition<TType extends string = string, S extends z.ZodType = z.ZodType> {
  kind: 'event';
  type: TType;
  version: number;
  /** The aggregate family the event belongs to: the stream category and the NATS subject token. */
  category: string;
  schema: S;
  summary: string;
  /** Lifts data written under an older version to this version. */
  upcast?: (data: unknown, fromVersion: number) => unknown;
}

export interface CommandDefinition<TType extends string = string, S extends z.ZodType = z.ZodType> {
  kind: 'command';
  type: TType;
  /** The service that owns the command: the NATS subject token. */
  service: string;
  schema: S;
  summary: string;
}

export interface QueryDefinition<TType extends string = string, S extends z.ZodType = z.ZodType> {
  kind: 'query';
  type: TType;
  service: string;
  schema: S;
  summary: string;
}

export const defineEvent = <TType extends string, S extends z.ZodType>(
  def: Omit<EventDefinition<TType, S>, 'kind'>,
): EventDefinition<TType, S> => ({ kind: 'event', ...def });

export const defineCommand = <TType extends string, S extends z.ZodType>(
  def: Omit<CommandDefinition<TType, S>, 'kind'>,
): CommandDefinition<TType, S> => ({ kind: 'command', ...def });

export const defineQuery = <TType extends string, S extends z.ZodType>(
  def: Omit<QueryDefinition<TType, S>, 'kind'>,
): QueryDefinition<TType, S> => ({ kind: 'query', ...def });

/** The `{ type, data }` shape of one event definition, for per-aggregate unions. */
export type EventOf<D> = D extends EventDefinition<infer T, infer S> ? { type: T; data: z.infer<S> } : never;
export type CommandOf<D> =
  D extends CommandDefinition<infer T, infer S> ? { type: T; data: z.infer<S> } : never;
