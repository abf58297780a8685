import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  eachRow,
  formatBeijingDateTime,
  type DocumentCell,
  type DocumentColumn,
  type DocumentTable,
} from './table';

export interface XlsxSheet extends DocumentTable {
  /** The sheet's tab name; Excel allows 31 characters and none of `[]:*?/\`. */
  name: string;
  /** A title row above the header (the report's name and period), merged across the columns. */
  title?: string;
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * Writes the sheets as one xlsx workbook to `out`, streaming: each row is committed (written out
 * and released) as soon as it is added and inline strings avoid a shared-string table that would grow
 * with the export, so memory stays flat however many rows there are. Resolves with the data row count.
 */
export async function writeXlsx(out: Writable, sheets: readonly XlsxSheet[]): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  let total = 0;
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.replace(SHEET_NAME_FORBIDDEN, ' ').slice(0, 31));
    worksheet.columns = sheet.columns.map((column) => ({
      key: column.key,
      width: column.width ?? 12,
      style: column.format === 'percent' ? { numFmt: '0.0%' } : {},
    }));
    if (sheet.title !== undefined) {
      const titleRow = worksheet.addRow([sheet.title]);
      titleRow.font = { bold: true, size: 14 };
      worksheet.mergeCells(1, 1, 1, Math.max(1, sheet.columns.length));
      titleRow.commit();
    }
    const header = worksheet.addRow(sheet.columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    for await (const row of eachRow(sheet.rows)) {
      worksheet.addRow(sheet.columns.map((column) => xlsxValue(column, row[column.key]))).commit();
      total += 1;
    }
    worksheet.commit();
  }
  await workbook.commit();
  return total;
}

/** Numbers stay numbers (so the reader can sum them); dates are shown in Beijing time as text. */
function xlsxValue(column: DocumentColumn, value: DocumentCell): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return formatBeijingDateTime(value);
  if (column.format === 'date' && typeof value === 'string') return formatBeijingDateTime(value);
  return value;
}
