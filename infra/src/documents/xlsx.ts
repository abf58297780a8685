import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { crc32, createDeflateRaw } from 'node:zlib';
import { Zip, ZipPassThrough, strToU8, type FlateError, type ZipInputFile } from 'fflate';
import { waitForDrain } from './csv';
import { eachRow, type DocumentRow, type DocumentTable } from './table';
import {
  ROOT_RELS,
  STYLES,
  XLSX_STYLE,
  columnLetters,
  contentTypes,
  rowXml,
  sheetEnd,
  sheetStart,
  workbook,
  workbookRels,
  xlsxValue,
} from './xlsx-parts';

export interface XlsxSheet extends DocumentTable {
  /** The sheet's tab name; Excel allows 31 characters and none of `[]:*?/\`. */
  name: string;
  /** A title row above the header (the report's name and period), merged across the columns. */
  title?: string;
  /**
   * Data rows a tab holds at most (default: all Excel allows below the header and the title); the
   * rows past it go on in tabs `<name> (2)`, `<name> (3)`… each with the title and header again.
   */
  rowsPerTab?: number;
}

/** Rows an Excel worksheet holds in all (header and title rows included): 2^20. */
export const XLSX_MAX_SHEET_ROWS = 1_048_576;

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;
/** Sheet XML is handed to the compressor in pieces of about this many characters. */
const PIECE = 256 * 1024;
/** Fast deflate: a 100,000-row sheet is mostly repeated markup, which compresses well at any level. */
const LEVEL = 1;

/**
 * A zip entry compressed by Node's zlib (native, on the thread pool, so the rows are read and turned
 * into XML while the previous piece is compressed); fflate's `Zip` writes the headers around it.
 */
class DeflatedEntry implements ZipInputFile {
  readonly compression = 8;
  readonly flag = 0;
  crc = 0;
  size = 0;
  /** Set by `Zip.add`. */
  ondata: ZipInputFile['ondata'];
  private readonly deflate = createDeflateRaw({ level: LEVEL });

  constructor(readonly filename: string) {
    this.deflate.on('data', (chunk: Buffer) =>
      // zlib's chunks are plain Buffers (never on a SharedArrayBuffer).
      this.ondata?.(null, chunk as Uint8Array<ArrayBuffer>, false),
    );
    this.deflate.on('end', () => this.ondata?.(null, new Uint8Array(0), true));
    this.deflate.on('error', (error) => this.ondata?.(error as FlateError, new Uint8Array(0), true));
  }

  async push(text: string, final = false): Promise<void> {
    const bytes = Buffer.from(text);
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    if (!this.deflate.write(bytes)) await once(this.deflate, 'drain');
    if (final) this.deflate.end();
  }

  terminate(): void {
    this.deflate.destroy();
  }
}

/**
 * Writes the sheets as one xlsx workbook to `out`, streaming: the rows are written as sheet XML
 * (inline strings, no shared-string table growing with the export) into a zip stream as they come,
 * waiting on `out`'s back-pressure, so memory stays flat however many rows there are. A sheet with
 * more rows than a tab holds goes on in further tabs, so a huge list is never a file Excel refuses.
 * Ends `out`; resolves with the data row count once it has finished.
 */
export async function writeXlsx(out: Writable, sheets: readonly XlsxSheet[]): Promise<number> {
  let fail: (error: Error) => void = () => undefined;
  let finish: () => void = () => undefined;
  const zipped = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  // Observed at once: a failure while the rows are still being read is thrown from the catch below.
  zipped.catch(() => undefined);
  const zip = new Zip((error, chunk, final) => {
    if (error) return fail(error);
    if (!out.destroyed) out.write(chunk);
    if (final) finish();
  });
  // The reader went away (a closed download): stop reading rows.
  out.once('error', fail);
  try {
    const rows = await writeParts(zip, out, sheets);
    zip.end();
    await zipped;
    await new Promise<void>((resolve, reject) => {
      out.once('error', reject);
      out.end(resolve);
    });
    out.off('error', fail);
    return rows;
  } catch (error) {
    // `fail` stays subscribed: the output's own error may still be on its way.
    zip.terminate();
    out.destroy(error as Error);
    throw error;
  }
}

/**
 * The worksheets first, as their rows come (a sheet's tab count is known only once its rows ran
 * out), then the parts that list them: a zip is read from its central directory, so the order of
 * its entries does not matter to Excel or any other reader.
 */
async function writeParts(zip: Zip, out: Writable, sheets: readonly XlsxSheet[]): Promise<number> {
  const small = (path: string, text: string): void => {
    const file = new ZipPassThrough(path);
    zip.add(file);
    file.push(strToU8(text), true);
  };
  const tabs: string[] = [];
  let total = 0;
  for (const sheet of sheets) {
    const rows = new RowCursor(sheet.rows);
    const capacity = sheet.rowsPerTab ?? XLSX_MAX_SHEET_ROWS - 1 - (sheet.title !== undefined ? 1 : 0);
    for (let part = 1; part === 1 || !(await rows.done()); part += 1) {
      const file = new DeflatedEntry(`xl/worksheets/sheet${tabs.length + 1}.xml`);
      zip.add(file);
      tabs.push(part === 1 ? sheet.name : continuedName(sheet.name, part));
      total += await writeSheet(file, out, sheet, rows, capacity);
    }
  }
  small('[Content_Types].xml', contentTypes(tabs.length));
  small('_rels/.rels', ROOT_RELS);
  small('xl/workbook.xml', workbook(uniqueNames(tabs)));
  small('xl/_rels/workbook.xml.rels', workbookRels(tabs.length));
  small('xl/styles.xml', STYLES);
  return total;
}

/** `明细 (2)`: the name cut so that the part number fits in Excel's 31 characters. */
const continuedName = (name: string, part: number): string => {
  const suffix = ` (${part})`;
  return `${name.slice(0, 31 - suffix.length)}${suffix}`;
};

/** A sheet's rows read once, across its tabs: the next row, and whether any is left. */
class RowCursor {
  private readonly iterator: AsyncIterator<DocumentRow>;
  private ahead: IteratorResult<DocumentRow> | undefined;

  constructor(rows: DocumentTable['rows']) {
    this.iterator = eachRow(rows)[Symbol.asyncIterator]();
  }

  async next(): Promise<DocumentRow | undefined> {
    const result = this.ahead ?? (await this.iterator.next());
    this.ahead = undefined;
    return result.done ? undefined : result.value;
  }

  async done(): Promise<boolean> {
    this.ahead ??= await this.iterator.next();
    return this.ahead.done === true;
  }
}

/** One worksheet of at most `capacity` rows: its XML pushed a piece at a time, pausing while `out` is full. */
async function writeSheet(
  file: DeflatedEntry,
  out: Writable,
  sheet: XlsxSheet,
  source: RowCursor,
  capacity: number,
): Promise<number> {
  const { columns } = sheet;
  const letters = columns.map((_, i) => columnLetters(i));
  const bold = columns.map(() => XLSX_STYLE.bold);
  const styles = columns.map((column) => (column.format === 'percent' ? XLSX_STYLE.percent : 0));
  let piece = sheetStart(columns);
  let rowNumber = 0;
  if (sheet.title !== undefined) {
    rowNumber += 1;
    piece += rowXml(rowNumber, letters, [sheet.title], [XLSX_STYLE.title]);
  }
  rowNumber += 1;
  piece += rowXml(
    rowNumber,
    letters,
    columns.map((column) => column.header),
    bold,
  );
  let rows = 0;
  for (let row = rows < capacity ? await source.next() : undefined; row !== undefined;) {
    rowNumber += 1;
    rows += 1;
    const values = columns.map((column) => xlsxValue(column, row?.[column.key]));
    piece += rowXml(rowNumber, letters, values, styles);
    if (piece.length >= PIECE) {
      if (out.destroyed) throw new Error('the xlsx output was closed before the last row');
      await file.push(piece);
      piece = '';
      if (out.writableNeedDrain) await waitForDrain(out);
    }
    row = rows < capacity ? await source.next() : undefined;
  }
  await file.push(piece + sheetEnd(sheet.title !== undefined ? columns.length : undefined), true);
  return rows;
}

/** Tab names as Excel accepts them: no forbidden characters, 31 at most, each once. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    let name = raw.replace(SHEET_NAME_FORBIDDEN, ' ').slice(0, 31).trim() || `Sheet${i + 1}`;
    for (let n = 2; seen.has(name.toLowerCase()); n += 1) name = `${name.slice(0, 27)} (${n})`;
    seen.add(name.toLowerCase());
    return name;
  });
}
