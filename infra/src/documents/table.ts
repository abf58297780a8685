/** One column of a table that is exported (CSV, xlsx) or printed (PDF) the same way everywhere. */
export interface DocumentColumn {
  /** The row property this column shows. */
  key: string;
  /** The header as the reader sees it (zh-CN for the console's users). */
  header: string;
  /** Width in characters (xlsx) and a share of the page width (PDF); 12 when absent. */
  width?: number;
  /** `percent` takes a ratio (0.95) and shows 95.0 %; `date` takes an ISO string or a Date. */
  format?: 'text' | 'number' | 'percent' | 'date';
}

export type DocumentCell = string | number | boolean | Date | null | undefined;
export type DocumentRow = Record<string, DocumentCell>;
export type DocumentRows = Iterable<DocumentRow> | AsyncIterable<DocumentRow>;

/** A table: its columns and its rows, which may be a stream (an async iterable) read once. */
export interface DocumentTable {
  columns: readonly DocumentColumn[];
  rows: DocumentRows;
}

/** Beijing time (UTC+8, no daylight saving): what every reader of these documents lives by. */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `2026-12-06 08:30` in Beijing time: never an ISO timestamp on paper or in a sheet. */
export function formatBeijingDateTime(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const local = new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** A cell as text, the same in CSV and PDF, following the column's format. */
export function cellText(column: DocumentColumn, value: DocumentCell): string {
  if (value === null || value === undefined) return '';
  switch (column.format) {
    case 'percent':
      return typeof value === 'number' ? `${(value * 100).toFixed(1)}%` : String(value);
    case 'date':
      return value instanceof Date || typeof value === 'string'
        ? formatBeijingDateTime(value)
        : String(value);
    case 'number':
    case 'text':
    case undefined:
      return value instanceof Date ? formatBeijingDateTime(value) : String(value);
    default: {
      const unknown: never = column.format;
      return String(unknown);
    }
  }
}

/** Iterates rows whether they were given as an array or as a stream. */
export async function* eachRow(rows: DocumentRows): AsyncIterable<DocumentRow> {
  for await (const row of rows as AsyncIterable<DocumentRow>) yield row;
}
