import type { SqlField, SqlScope } from '../sql/sql-dialect';
import type { SqliteCatalogue, TableInfo } from './sqlite-catalogue';
import { indexExpression } from './sqlite-catalogue';
import { SqliteDocumentScope, SqliteIdField } from './sqlite-field';

/**
 * The rows of a collection's table: `_id` is the `id` column, and fields that an index declares
 * are compared through the expression the index is built on (and its side table for arrays).
 */
export function rowScope(info: TableInfo, catalogue: SqliteCatalogue): SqlScope {
  const documents = new SqliteDocumentScope('doc', 1, (path) => catalogue.shape(info, path));
  return {
    field(path: string): SqlField {
      return path === '_id' ? new SqliteIdField('id') : documents.field(path);
    },
    sortKey: indexExpression,
  };
}
