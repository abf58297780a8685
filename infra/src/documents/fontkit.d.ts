/** The part of fontkit (pdfkit's own font engine) the documents use: parsing a font once. */
declare module 'fontkit' {
  interface Font {
    postscriptName: string;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
