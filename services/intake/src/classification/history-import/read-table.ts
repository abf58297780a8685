import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

/** A spreadsheet as rows of cell texts, the header first. */
export type Table = string[][];

/** RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes, CRLF), UTF-8 with or without BOM. */
export function readCsv(text: string): Table {
  const rows: Table = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/u, '');
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') endField();
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', textNodeName: 'text' });
const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
type XmlText = string | number | { text?: string | number } | undefined;
/** A shared string: plain text, or rich-text runs. */
interface SharedString {
  t?: XmlText;
  r?: { t?: XmlText } | Array<{ t?: XmlText }>;
}

/** The parts of the two XML files read (element names as fast-xml-parser gives them). */
interface XmlDocument {
  sst?: { si?: SharedString | SharedString[] };
  worksheet?: { sheetData?: { row?: unknown } };
}
const textOf = (node: XmlText): string =>
  node === undefined ? '' : typeof node === 'object' ? String(node.text ?? '') : String(node);

/** "B3" → column 1 (zero-based). */
function columnOf(reference: string): number {
  let column = 0;
  for (const char of reference.replace(/\d+$/u, '')) column = column * 26 + (char.charCodeAt(0) - 64);
  return column - 1;
}

/**
 * The first worksheet of an .xlsx file (Office Open XML: a zip of XML parts), read with fflate and
 * fast-xml-parser: shared strings, inline strings and numbers as their text; formulas as their
 * cached value. Dates stay Excel serial numbers, which the row validation understands.
 */
export function readXlsx(bytes: Uint8Array): Table {
  const files = unzipSync(bytes, {
    filter: (file) => file.name === 'xl/sharedStrings.xml' || file.name === 'xl/worksheets/sheet1.xml',
  });
  const sheet = files['xl/worksheets/sheet1.xml'];
  if (!sheet) throw new Error('the workbook has no first worksheet (xl/worksheets/sheet1.xml)');
  const sharedPart = files['xl/sharedStrings.xml'];
  const parse = (part: Uint8Array) => xml.parse(strFromU8(part)) as XmlDocument;
  const shared = sharedPart
    ? list(parse(sharedPart).sst?.si).map((si) =>
        si.t !== undefined
          ? textOf(si.t)
          : list(si.r)
              .map((r) => textOf(r.t))
              .join(''),
      )
    : [];
  const rows: Table = [];
  for (const r of list(parse(sheet).worksheet?.sheetData?.row)) {
    const row: string[] = [];
    for (const c of list((r as { c?: unknown }).c) as Array<{
      r: string;
      t?: string;
      v?: XmlText;
      is?: { t?: XmlText };
    }>) {
      const value =
        c.t === 's'
          ? (shared[Number(textOf(c.v))] ?? '')
          : c.t === 'inlineStr'
            ? textOf(c.is?.t)
            : textOf(c.v);
      row[columnOf(c.r)] = value;
    }
    rows.push(Array.from(row, (cell) => cell ?? ''));
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}
