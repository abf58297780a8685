import { HotlineError, ValidationError } from '@hotline/contracts';

const DATA_PREFIX = 'data.';

/**
 * A command's handler names fields of the command's `data` (`data.citizen.phone`); over HTTP those
 * are fields of the request body or path (`citizen.phone`, `caseId`), so the error says so.
 */
export function asHttpError(error: unknown): unknown {
  if (!(error instanceof HotlineError) || error.kind !== 'validation') return error;
  const field = error.field;
  if (field === undefined || !field.startsWith(DATA_PREFIX)) return error;
  const reason = error.message.startsWith(`${field}: `)
    ? error.message.slice(field.length + 2)
    : error.message;
  return new ValidationError(field.slice(DATA_PREFIX.length), reason, error.code);
}

/** A query parameter whose HTTP name differs from the contract's (`q` for `query`): errors use the HTTP name. */
export function renamingField(from: string, to: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof HotlineError && error.kind === 'validation' && error.field === from) {
      const reason = error.message.startsWith(`${from}: `)
        ? error.message.slice(from.length + 2)
        : error.message;
      throw new ValidationError(to, reason, error.code);
    }
    throw error;
  };
}
