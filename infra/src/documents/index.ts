export {
  cellText,
  formatBeijingDateTime,
  type DocumentCell,
  type DocumentColumn,
  type DocumentRow,
  type DocumentRows,
  type DocumentTable,
} from './table';
export { csvField, csvLines, writeCsv } from './csv';
export { XLSX_MAX_SHEET_ROWS, writeXlsx, type XlsxSheet } from './xlsx';
export { renderPdf, writePdf, type PdfBlock, type PdfDocumentSpec } from './pdf';
export {
  CjkFontMissingError,
  SYSTEM_CJK_FONTS,
  resolveCjkFonts,
  type CjkFont,
  type CjkFonts,
} from './cjk-font';
