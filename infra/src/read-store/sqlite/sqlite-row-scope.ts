import type { SqlField, SqlScope } from '../sql/sql-dialect';
import type { SqliteCatalogue, TableInfo } from './sqlite-catalogue';
import { SqliteDocumentScope, SqliteIdField } from './sqlite-field';
import { jsonPath } from './sqlite-json-path';
import { SqliteSideField } from './sqlite-side-field';

/** Where a query finds a row's rowid, its document and its `_id` column. */
export interface RowColumns {
  rid: string;
  doc: string;
  id: string;
}

export interface RowScope extends SqlScope {
  /** Whether anything translated so far reads the document row (its `doc` or `id`), not only side tables. */
  readonly readsDocument: boolean;
}

/**
 * The rows of a collection's table: `_id` is the `id` column, fields that an index declares are
 * answered from their side tables by rowid, anything else from the document.
 */
export function rowScope(info: TableInfo, catalogue: SqliteCatalogue, rows: RowColumns): RowScope {
  const documents = new SqliteDocumentScope(rows.doc, 1);
  let readsDocument = false;
  const json = (path: string): SqlField => {
    readsDocument = true;
    return documents.field(path);
  };
  return {
    get readsDocument() {
      return readsDocument;
    },
    field(path: string): SqlField {
      if (path === '_id') {
        readsDocument = true;
        return new SqliteIdField(rows.id);
      }
      const side = info.sides.get(path);
      return side === undefined ? json(path) : new SqliteSideField(side, rows.rid, () => json(path));
    },
    sortKey(path: string): string {
      if (path === '_id') {
        readsDocument = true;
        return rows.id;
      }
      const side = info.sides.get(path);
      // A path that never held arrays or objects has one side value per document (or none: null
      // or missing), which sorts as the document's value does.
      if (side !== undefined && !catalogue.complex(info, path))
        return `(SELECT v FROM ${side} WHERE rid = ${rows.rid})`;
      readsDocument = true;
      return `json_extract(${rows.doc}, ${jsonPath(path)})`;
    },
  };
}
