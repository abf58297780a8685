/**
 * Text as GBK bytes, the way Excel on a Chinese Windows saves a CSV: for tests of files the
 * departments export. Node encodes only UTF-8, so the table is built from the platform's own GBK
 * decoder (every two-byte pair it reads); the spec checks it against bytes fixed by GB2312.
 */
let table: Map<string, number[]> | undefined;

function gbkTable(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(Uint8Array.from([lead, trail]));
        if (!table.has(char)) table.set(char, [lead, trail]);
      } catch {
        // Not a GBK pair.
      }
    }
  return table;
}

export function gbkBytes(text: string): Buffer {
  const pairs = gbkTable();
  return Buffer.from(
    [...text].flatMap((char) => {
      const code = char.charCodeAt(0);
      if (code < 0x80) return [code];
      const pair = pairs.get(char);
      if (!pair) throw new Error(`${char} has no GBK bytes`);
      return pair;
    }),
  );
}
