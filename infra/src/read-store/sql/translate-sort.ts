import type { SortSpec } from '../read-store.port';
import type { SqlScope } from './sql-dialect';

/** `ORDER BY` of a validated sort over `scope`. */
export function orderBy(sort: SortSpec, scope: SqlScope): string {
  const keys = Object.entries(sort).map(
    ([path, direction]) => `${scope.sortKey(path)} ${direction === 1 ? 'ASC' : 'DESC'}`,
  );
  return `ORDER BY ${keys.join(', ')}`;
}
