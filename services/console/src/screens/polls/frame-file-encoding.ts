/**
 * How a frame file's bytes were read. Departments export CSV from Excel, which on a Chinese Windows
 * writes GBK (ANSI code page 936) unless told otherwise; other tools write UTF-8, Excel's "CSV UTF-8"
 * with a byte-order mark.
 */
export type FrameFileEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export interface DecodedFrameFile {
  text: string;
  encoding: FrameFileEncoding;
}

const BOM = '\uFEFF';

/**
 * Reads a frame file as UTF-8 when its bytes are valid UTF-8 (a strict decode), else as GB18030,
 * the superset of GBK and GB2312: Chinese text in GBK is almost never valid UTF-8 by chance, while a
 * file of digits and ASCII ids reads the same either way. A leading byte-order mark is dropped, so
 * the header on line 1 is still recognised; line breaks are kept as they are, so every line keeps
 * its number in the file.
 */
export function decodeFrameFile(bytes: Uint8Array): DecodedFrameFile {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // ignoreBOM: keep the mark in the text, so it is dropped once below for either encoding.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text: withoutBom(text), encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return {
      text: withoutBom(new TextDecoder('gb18030', { ignoreBOM: true }).decode(bytes)),
      encoding: 'gb18030',
    };
  }
}

const withoutBom = (text: string): string => (text.startsWith(BOM) ? text.slice(BOM.length) : text);
