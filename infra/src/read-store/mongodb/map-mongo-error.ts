import { HotlineError, ValidationError } from '@hotline/contracts';
import {
  MongoBulkWriteError,
  MongoError,
  MongoNetworkError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  type WriteError,
} from 'mongodb';
import { DuplicateKeyError, ReadStoreUnavailable } from '../read-store.errors';

const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;
export const INDEX_NOT_FOUND = 27;
/**
 * Server codes that mean "the request is malformed" rather than "the server is unwell": BadValue,
 * FailedToParse, TypeMismatch, ConflictingUpdateOperators, DollarPrefixedFieldName, EmptyFieldName,
 * DottedFieldName, ImmutableField, InvalidOptions, IndexOptionsConflict, IndexKeySpecsConflict;
 * and the Location codes (15000 and up) of the query and aggregation parsers.
 */
const MALFORMED = new Set([2, 9, 14, 40, 52, 56, 57, 66, 72, 85, 86]);

export const isNamespaceNotFound = (error: unknown): boolean =>
  error instanceof MongoError && error.code === NAMESPACE_NOT_FOUND;

/** FerretDB v1 reports unique-index violations of updates as SQLite's internal error, not E11000. */
const isSqliteUniqueViolation = (code: number, message: string): boolean =>
  code === 1 && message.includes('UNIQUE constraint failed');

function indexNameOf(message: string): string | undefined {
  return /index: (\S+) dup key/.exec(message)?.[1];
}

/** Turns a driver error into the port's typed errors; `field` names the input the server refused. */
export function mapMongoError(error: unknown, collection: string, field: string): Error {
  if (error instanceof HotlineError) return error;
  if (error instanceof MongoBulkWriteError) {
    const raw: unknown = error.writeErrors;
    const writeErrors = (Array.isArray(raw) ? raw : [raw]) as WriteError[];
    const first = writeErrors[0];
    if (first?.code === DUPLICATE_KEY)
      return new DuplicateKeyError(collection, indexNameOf(first.errmsg ?? ''), first.index);
    if (first && MALFORMED.has(Number(first.code)))
      return new ValidationError(`${field}[${first.index}]`, first.errmsg ?? 'is malformed');
  }
  if (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoTopologyClosedError
  ) {
    return new ReadStoreUnavailable(error.message);
  }
  if (error instanceof MongoError) {
    const code = Number(error.code);
    if (code === DUPLICATE_KEY) return new DuplicateKeyError(collection, indexNameOf(error.message));
    if (isSqliteUniqueViolation(code, error.message)) return new DuplicateKeyError(collection, undefined);
    if (MALFORMED.has(code) || code >= 15_000) return new ValidationError(field, error.message);
  }
  return error instanceof Error ? error : new Error(String(error));
}
