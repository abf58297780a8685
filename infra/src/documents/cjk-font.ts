import { existsSync, readFileSync } from 'node:fs';
import { create as parseFont } from 'fontkit';

/** A font file and, for a collection (.ttc), the face to take from it. */
export interface CjkFont {
  path: string;
  family: string;
}

export interface CjkFonts {
  regular: CjkFont;
  bold: CjkFont;
}

/**
 * Debian's fonts-noto-cjk (installed by `.ci/run` and on every developer machine). The collections
 * hold the simplified-Chinese faces under these PostScript names; the PDF embeds only the glyphs a
 * document uses (a subset of some tens of kilobytes), so no font is committed to the repository.
 */
const NOTO_DIR = '/usr/share/fonts/opentype/noto';
export const SYSTEM_CJK_FONTS: CjkFonts = {
  regular: { path: `${NOTO_DIR}/NotoSansCJK-Regular.ttc`, family: 'NotoSansCJKsc-Regular' },
  bold: { path: `${NOTO_DIR}/NotoSansCJK-Bold.ttc`, family: 'NotoSansCJKsc-Bold' },
};

export class CjkFontMissingError extends Error {
  readonly code = 'CJK_FONT_MISSING';
  constructor(missing: string) {
    super(
      `no CJK font for PDF documents at ${missing}: install Debian's fonts-noto-cjk package ` +
        '(apt-get install fonts-noto-cjk), or pass the path of a CJK OpenType font',
    );
  }
}

/** The fonts to print with; throws naming the package when the regular face is absent. A missing bold falls back. */
export function resolveCjkFonts(fonts: CjkFonts = SYSTEM_CJK_FONTS): CjkFonts {
  if (!existsSync(fonts.regular.path)) throw new CjkFontMissingError(fonts.regular.path);
  return existsSync(fonts.bold.path) ? fonts : { regular: fonts.regular, bold: fonts.regular };
}

type ParsedFont = ReturnType<typeof parseFont>;
const parsed = new Map<string, ParsedFont>();

/**
 * The font parsed once per process and shared by every document: reading and parsing a 20 MB
 * collection took seconds per document. Each document still embeds its own subset (pdfkit makes
 * one per document from the shared font), so what is cached is the parse, never a document's glyphs.
 */
export function parsedCjkFont(font: CjkFont): ParsedFont {
  const key = `${font.path}#${font.family}`;
  let found = parsed.get(key);
  if (!found) parsed.set(key, (found = parseFont(readFileSync(font.path), font.family)));
  return found;
}
