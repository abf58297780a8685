import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF, page by page, read back through each font's ToUnicode map: what a reader
 * copying from the document would get. Enough PDF for the documents this kit writes (pdfkit's
 * output: indirect objects, Flate streams, hex-encoded glyph runs), so tests prove the Chinese text
 * is really in the file rather than drawn as boxes. Returns one string per page, a line per text run.
 */
export function extractPdfText(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const cmaps = new Map<number, Map<number, string>>();
  for (const [id, object] of objects) {
    const toUnicode = /\/Type\s*\/Font\b[\s\S]*?\/ToUnicode\s+(\d+)\s+0\s+R/.exec(object.dict);
    if (toUnicode) cmaps.set(id, parseCmap(objects.get(Number(toUnicode[1]))?.stream ?? ''));
  }
  const pages: string[] = [];
  for (const object of objects.values()) {
    if (!/\/Type\s*\/Page\b/.test(object.dict)) continue;
    const resources = /\/Resources\s+(\d+)\s+0\s+R/.exec(object.dict);
    const resourceDict = resources ? (objects.get(Number(resources[1]))?.dict ?? '') : object.dict;
    const fonts = new Map<string, number>();
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(resourceDict)?.[1] ?? '';
    for (const entry of fontDict.matchAll(/\/(\w+)\s+(\d+)\s+0\s+R/g)) fonts.set(entry[1]!, Number(entry[2]));
    const contents = [
      ...(/\/Contents\s+(\[[^\]]*\]|\d+\s+0\s+R)/.exec(object.dict)?.[1] ?? '').matchAll(/(\d+)\s+0\s+R/g),
    ];
    const lines: string[] = [];
    for (const content of contents) {
      lines.push(...decodeContent(objects.get(Number(content[1]))?.stream ?? '', fonts, cmaps));
    }
    pages.push(lines.join('\n'));
  }
  return pages;
}

interface PdfObject {
  dict: string;
  stream: string;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+)\s+0\s+obj\b([\s\S]*?)\bendobj/g)) {
    const body = match[2]!;
    const start = /stream\r?\n/.exec(body);
    if (!start) {
      objects.set(Number(match[1]), { dict: body, stream: '' });
      continue;
    }
    const dict = body.slice(0, start.index);
    const offset = match.index + match[0].indexOf(body) + start.index + start[0].length;
    const end = text.indexOf('endstream', offset);
    let bytes = pdf.subarray(offset, end);
    if (/\/FlateDecode/.test(dict)) {
      try {
        bytes = inflateSync(bytes);
      } catch {
        bytes = Buffer.alloc(0);
      }
    }
    objects.set(Number(match[1]), { dict, stream: bytes.toString('latin1') });
  }
  return objects;
}

/** bfchar and bfrange entries (both the consecutive and the array form) of a ToUnicode CMap. */
function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string): string => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) {
      map.set(parseInt(entry[1]!, 16), utf16(entry[2]!));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const entry of block[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
      const low = parseInt(entry[1]!, 16);
      const high = parseInt(entry[2]!, 16);
      const target = entry[3]!;
      if (target.startsWith('[')) {
        [...target.matchAll(/<([0-9a-f]+)>/gi)].forEach((hex, i) => map.set(low + i, utf16(hex[1]!)));
      } else {
        const first = parseInt(target.slice(1, -1), 16);
        for (let code = low; code <= high; code += 1) map.set(code, String.fromCodePoint(first + code - low));
      }
    }
  }
  return map;
}

/** Text runs of a content stream: `Tf` picks the font, each `Tj`/`TJ` is one line of output. */
function decodeContent(
  content: string,
  fonts: Map<string, number>,
  cmaps: Map<number, Map<number, string>>,
): string[] {
  const lines: string[] = [];
  let cmap: Map<number, string> | undefined;
  for (const op of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|(\[[^\]]*\]\s*TJ|<[0-9a-f]*>\s*Tj)/gi)) {
    if (op[1] !== undefined) {
      cmap = cmaps.get(fonts.get(op[1]) ?? -1);
      continue;
    }
    let line = '';
    for (const hex of op[2]!.matchAll(/<([0-9a-f]*)>/gi)) {
      const digits = hex[1]!;
      if (cmap) {
        for (let i = 0; i + 4 <= digits.length; i += 4)
          line += cmap.get(parseInt(digits.slice(i, i + 4), 16)) ?? '\ufffd';
      } else {
        line += Buffer.from(digits, 'hex').toString('latin1');
      }
    }
    lines.push(line);
  }
  return lines;
}
