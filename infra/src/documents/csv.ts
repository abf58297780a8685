import type { Writable } from 'node:stream';
import { cellText, eachRow, type DocumentTable } from './table';

/** The UTF-8 byte order mark: without it Excel opens a Chinese CSV as mojibake. */
const BOM = '\ufeff';
/** A cell starting with one of these is a formula to a spreadsheet (CSV injection): it is shown as text. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; formulas defused. */
export function csvField(text: string): string {
  const safe = FORMULA_START.test(text) && !/^-?\d+(\.\d+)?%?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The table as CSV lines (header first, CRLF endings, BOM at the start), produced one row at a time. */
export async function* csvLines(table: DocumentTable): AsyncIterable<string> {
  yield BOM + table.columns.map((column) => csvField(column.header)).join(',') + '\r\n';
  for await (const row of eachRow(table.rows)) {
    yield table.columns.map((column) => csvField(cellText(column, row[column.key]))).join(',') + '\r\n';
  }
}

/**
 * Writes the table as CSV to `out`, waiting on back-pressure so a 100,000-row export holds one row
 * in memory at a time. Resolves with the number of data rows once `out` has finished.
 */
export async function writeCsv(out: Writable, table: DocumentTable): Promise<number> {
  let rows = -1;
  for await (const line of csvLines(table)) {
    rows += 1;
    if (!out.write(line)) await waitForDrain(out);
  }
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(resolve);
  });
  return rows;
}

export function waitForDrain(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = (): void => {
      out.off('error', onError);
      resolve();
    };
    const onError = (error: Error): void => {
      out.off('drain', onDrain);
      reject(error);
    };
    out.once('drain', onDrain);
    out.once('error', onError);
  });
}
