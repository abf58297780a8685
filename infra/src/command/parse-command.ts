import {
  CommandEnvelopeSchema,
  ValidationError,
  parseOrThrow,
  type CommandDefinition,
  type CommandEnvelope,
} from '@hotline/contracts';
import type { z } from 'zod';

/**
 * A command envelope whose data its definition's schema has parsed (defaults applied). For a union of
 * definitions, a union discriminated by `type`.
 */
export type ParsedCommand<D extends CommandDefinition> =
  D extends CommandDefinition<infer T, infer S>
    ? Omit<CommandEnvelope, 'type' | 'data'> & { type: T; data: z.output<S> }
    : never;

/**
 * A command from the bus, checked once: the envelope (a bad field is a ValidationError naming it, such
 * as `metadata.districtId`), the type against the definition's, and the data against its schema
 * (`data.<field>`).
 */
export function parseCommand<D extends CommandDefinition>(definition: D, payload: unknown): ParsedCommand<D> {
  const envelope = parseOrThrow(CommandEnvelopeSchema, payload) as CommandEnvelope;
  if (envelope.type !== definition.type)
    throw new ValidationError('type', `must be ${definition.type} on this subject`);
  const data = parseOrThrow(definition.schema, envelope.data, 'data') as z.output<D['schema']>;
  return { ...envelope, data } as ParsedCommand<D>;
}

/** `parseCommand` with the definition of the envelope's own type, out of an aggregate's commands. */
export function parseCommandOf<D extends CommandDefinition>(
  definitions: readonly D[],
  payload: { type: string },
): ParsedCommand<D> {
  const definition = definitions.find((d) => d.type === payload.type);
  if (!definition) throw new ValidationError('type', `${payload.type} is not one of these commands`);
  return parseCommand(definition, payload);
}
