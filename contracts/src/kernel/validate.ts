import type { z } from 'zod';
import { ValidationError } from './errors';

/** Parses with a schema; the first issue becomes a ValidationError naming the field path. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, root = ''): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = [root, ...(issue?.path ?? []).map(String)].filter((p) => p !== '').join('.');
  throw new ValidationError(path === '' ? '(root)' : path, issue?.message ?? 'is invalid');
}
