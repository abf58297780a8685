import {
  CommandEnvelopeSchema,
  ValidationError,
  parseOrThrow,
  type CommandDefinition,
  type CommandEnvelope,
} from '@hotline/contracts';
import type { z } from 'zod';

/**
 * A command from the bus, checked: the envelope, the type against the subject's, and the data
 * against the command's schema (a mismatch names `data.<field>`). Defaults of the schema applied.
 */
export function parseCommand<D extends CommandDefinition>(
  definition: D,
  payload: unknown,
): { envelope: CommandEnvelope; data: z.output<D['schema']> } {
  const envelope = parseOrThrow(CommandEnvelopeSchema, payload) as CommandEnvelope;
  if (envelope.type !== definition.type)
    throw new ValidationError('type', `must be ${definition.type} on this subject`);
  const data = parseOrThrow(definition.schema, envelope.data, 'data') as z.output<D['schema']>;
  return { envelope: { ...envelope, data }, data };
}
