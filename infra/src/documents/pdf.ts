import { PassThrough, type Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { parsedCjkFont, resolveCjkFonts, type CjkFonts } from './cjk-font';
import { cellText, eachRow, type DocumentColumn, type DocumentRows } from './table';

/**
 * What a printed document is made of, top to bottom. Forms (转办单, 督办通知单), letters (答复函)
 * and reports are all a sequence of these, so each service describes its document and never draws.
 */
export type PdfBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; indent?: boolean }
  /** A form: label / value pairs in a ruled grid, two pairs a line unless `wide`. */
  | { kind: 'fields'; fields: readonly { label: string; value: string; wide?: boolean }[] }
  | { kind: 'table'; columns: readonly DocumentColumn[]; rows: DocumentRows }
  /** Right-aligned closing lines: the issuing body, the date (a seal goes over them on paper). */
  | { kind: 'signature'; lines: readonly string[] }
  | { kind: 'spacer'; lines?: number };

export interface PdfDocumentSpec {
  /** The PDF's metadata title and the running header on each page. */
  title: string;
  blocks: readonly PdfBlock[];
  /** The running footer's left part, e.g. `榕城市12345政务服务便民热线`. */
  footer?: string;
  /** A4 landscape: for tables of many columns (a KPI report). */
  landscape?: boolean;
  fonts?: CjkFonts;
}

const MARGIN = 56;
const BODY_SIZE = 10.5;
const RULE = '#444444';

/** Writes the document to `out` (A4, CJK font embedded as a subset) and resolves when it is written. */
export async function writePdf(out: Writable, spec: PdfDocumentSpec): Promise<void> {
  const fonts = resolveCjkFonts(spec.fonts);
  const doc = new PDFDocument({
    size: 'A4',
    layout: spec.landscape ? 'landscape' : 'portrait',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: spec.title, Creator: 'Hotline' },
  });
  // pdfkit takes a parsed font as it is (a source with `layout`); its typings know only paths and bytes.
  doc.registerFont('body', parsedCjkFont(fonts.regular) as never);
  doc.registerFont('bold', parsedCjkFont(fonts.bold) as never);
  const done = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
  doc.pipe(out);
  doc.font('body').fontSize(BODY_SIZE);
  for (const block of spec.blocks) await drawBlock(doc, block);
  drawFooters(doc, spec);
  doc.end();
  await done;
}

/** The document as one buffer (small documents: a form, a letter, a monthly report). */
export async function renderPdf(spec: PdfDocumentSpec): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writePdf(sink, spec);
  return Buffer.concat(chunks);
}

type Doc = PDFKit.PDFDocument;

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

async function drawBlock(doc: Doc, block: PdfBlock): Promise<void> {
  const left = doc.page.margins.left;
  switch (block.kind) {
    case 'title':
      doc
        .font('bold')
        .fontSize(18)
        .text(block.text, left, doc.y, { align: 'center', width: contentWidth(doc) });
      doc.moveDown(0.8).font('body').fontSize(BODY_SIZE);
      return;
    case 'heading':
      ensureRoom(doc, 40);
      doc
        .moveDown(0.4)
        .font('bold')
        .fontSize(12.5)
        .text(block.text, left, doc.y, { width: contentWidth(doc) });
      doc.moveDown(0.3).font('body').fontSize(BODY_SIZE);
      return;
    case 'paragraph':
      doc.text(block.text, left, doc.y, {
        width: contentWidth(doc),
        indent: block.indent ? BODY_SIZE * 2 : 0,
        lineGap: 3,
      });
      doc.moveDown(0.5);
      return;
    case 'fields':
      drawFields(doc, block.fields);
      return;
    case 'table':
      await drawTable(doc, block.columns, block.rows);
      return;
    case 'signature':
      doc.moveDown(1);
      for (const line of block.lines)
        doc.text(line, left, doc.y, { width: contentWidth(doc), align: 'right' });
      doc.moveDown(0.5);
      return;
    case 'spacer':
      doc.moveDown(block.lines ?? 1);
      return;
    default: {
      const unknown: never = block;
      throw new Error(`unknown PDF block ${JSON.stringify(unknown)}`);
    }
  }
}

/** A ruled form grid: label cells shaded, values wrapping; `wide` fields take the whole line. */
function drawFields(doc: Doc, fields: readonly { label: string; value: string; wide?: boolean }[]): void {
  const width = contentWidth(doc);
  const labelWidth = 84;
  const pad = 5;
  let index = 0;
  while (index < fields.length) {
    const first = fields[index]!;
    const second =
      !first.wide && fields[index + 1] && !fields[index + 1]!.wide ? fields[index + 1] : undefined;
    const pairs = second ? [first, second] : [first];
    const pairWidth = width / pairs.length;
    const valueWidth = pairWidth - labelWidth;
    const height =
      Math.max(
        ...pairs.map((pair) =>
          Math.max(
            doc.heightOfString(pair.label, { width: labelWidth - 2 * pad }),
            doc.heightOfString(pair.value || ' ', { width: valueWidth - 2 * pad }),
          ),
        ),
      ) +
      2 * pad;
    ensureRoom(doc, height);
    const top = doc.y;
    pairs.forEach((pair, column) => {
      const x = doc.page.margins.left + column * pairWidth;
      doc.rect(x, top, labelWidth, height).fillAndStroke('#f0f0f0', RULE).fillColor('black');
      doc.rect(x + labelWidth, top, valueWidth, height).stroke(RULE);
      doc.font('bold').text(pair.label, x + pad, top + pad, { width: labelWidth - 2 * pad });
      doc.font('body').text(pair.value, x + labelWidth + pad, top + pad, { width: valueWidth - 2 * pad });
    });
    doc.x = doc.page.margins.left;
    doc.y = top + height;
    index += pairs.length;
  }
  doc.moveDown(0.6);
}

/** A ruled table whose header repeats on every page it runs over. */
async function drawTable(doc: Doc, columns: readonly DocumentColumn[], rows: DocumentRows): Promise<void> {
  const width = contentWidth(doc);
  const shares = columns.map((column) => column.width ?? 12);
  const total = shares.reduce((sum, share) => sum + share, 0);
  const widths = shares.map((share) => (share / total) * width);
  const pad = 4;
  const size = 9;
  const drawRow = (cells: readonly string[], header: boolean): void => {
    doc.font(header ? 'bold' : 'body').fontSize(size);
    const height =
      Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * pad }))) +
      2 * pad;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (!header) drawRow(headers, true);
      doc.font(header ? 'bold' : 'body').fontSize(size);
    }
    const top = doc.y;
    let x = doc.page.margins.left;
    cells.forEach((cell, i) => {
      if (header) doc.rect(x, top, widths[i]!, height).fillAndStroke('#e8e8e8', RULE).fillColor('black');
      else doc.rect(x, top, widths[i]!, height).stroke(RULE);
      const align = columns[i]!.format === 'number' || columns[i]!.format === 'percent' ? 'right' : 'left';
      doc.text(cell, x + pad, top + pad, { width: widths[i]! - 2 * pad, align });
      x += widths[i]!;
    });
    doc.x = doc.page.margins.left;
    doc.y = top + height;
  };
  const headers = columns.map((column) => column.header);
  drawRow(headers, true);
  for await (const row of eachRow(rows))
    drawRow(
      columns.map((column) => cellText(column, row[column.key])),
      false,
    );
  doc.font('body').fontSize(BODY_SIZE).moveDown(0.6);
}

/** 第 n 页 / 共 m 页 on every page, once the page count is known. */
function drawFooters(doc: Doc, spec: PdfDocumentSpec): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.height - doc.page.margins.bottom + 16;
    const margin = doc.page.margins.bottom;
    // Writing below the bottom margin would make pdfkit open a page; lift the margin while writing.
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(8).fillColor('#666666');
    if (spec.footer) doc.text(spec.footer, doc.page.margins.left, bottom, { lineBreak: false });
    doc.text(`第 ${i + 1} 页 / 共 ${range.count} 页`, doc.page.margins.left, bottom, {
      width: contentWidth(doc),
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = margin;
    doc.fillColor('black');
  }
}
