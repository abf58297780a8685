import { formatBeijingDateTime, type DocumentCell, type DocumentColumn } from './table';

/**
 * The parts of an xlsx workbook (SpreadsheetML, ECMA-376) this kit writes: the package's content
 * types and relationships, the workbook, one style sheet and each worksheet's XML, built as text.
 */
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell styles (indexes into `cellXfs` of STYLES). */
export const XLSX_STYLE = { plain: 0, bold: 1, title: 2, percent: 3 } as const;

export const STYLES = `${HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export const contentTypes = (sheets: number): string =>
  `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${range(
    sheets,
  )
    .map(
      (i) =>
        `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('')}</Types>`;

export const ROOT_RELS = `${HEAD}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

export const workbook = (names: readonly string[]): string =>
  `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets>${names
    .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;

export const workbookRels = (sheets: number): string =>
  `${HEAD}<Relationships xmlns="${RELS}">${range(sheets)
    .map((i) => `<Relationship Id="rId${i}" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet${i}.xml"/>`)
    .join(
      '',
    )}<Relationship Id="rId${sheets + 1}" Type="${DOC_RELS}/styles" Target="styles.xml"/></Relationships>`;

/** The worksheet's opening: its column widths, then the rows follow. */
export const sheetStart = (columns: readonly DocumentColumn[]): string =>
  `${HEAD}<worksheet xmlns="${MAIN}"><cols>${columns
    .map((column, i) => `<col min="${i + 1}" max="${i + 1}" width="${column.width ?? 12}" customWidth="1"/>`)
    .join('')}</cols><sheetData>`;

/** The worksheet's end: the title row merged across the columns, when there is one. */
export const sheetEnd = (mergeTitleOver: number | undefined): string =>
  `</sheetData>${
    mergeTitleOver !== undefined && mergeTitleOver > 1
      ? `<mergeCells count="1"><mergeCell ref="A1:${columnLetters(mergeTitleOver - 1)}1"/></mergeCells>`
      : ''
  }</worksheet>`;

/** `A`, `B`, … `Z`, `AA`, …: the column's name in a cell reference. */
export function columnLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

/** One row: each cell by its reference, strings inline (no shared table growing with the export). */
export function rowXml(
  rowNumber: number,
  letters: readonly string[],
  values: readonly (string | number | boolean | null)[],
  styles: readonly number[],
): string {
  let xml = `<row r="${rowNumber}">`;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    const ref = `${letters[i]}${rowNumber}`;
    const style = styles[i] ? ` s="${styles[i]}"` : '';
    if (typeof value === 'number') xml += `<c r="${ref}"${style}><v>${value}</v></c>`;
    else if (typeof value === 'boolean') xml += `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
    else xml += `<c r="${ref}"${style} t="inlineStr"><is>${textXml(value)}</is></c>`;
  }
  return `${xml}</row>`;
}

/** Numbers stay numbers (so the reader can sum them); dates are shown in Beijing time as text. */
export function xlsxValue(column: DocumentColumn, value: DocumentCell): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return formatBeijingDateTime(value);
  if (column.format === 'date' && typeof value === 'string') return formatBeijingDateTime(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** Characters XML 1.0 cannot hold at all (control characters but tab, line feed, return). */
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const XML_SPECIAL = /[<>&"]/g;
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' };

export function escapeXml(text: string): string {
  return text.replace(XML_FORBIDDEN, '').replace(XML_SPECIAL, (c) => ENTITIES[c]!);
}

/** A `<t>`, keeping leading and trailing spaces and line breaks as written. */
function textXml(text: string): string {
  const escaped = escapeXml(text);
  return /^\s|\s$/.test(escaped) ? `<t xml:space="preserve">${escaped}</t>` : `<t>${escaped}</t>`;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);
