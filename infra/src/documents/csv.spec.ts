import { PassThrough } from 'node:stream';
import { csvField, writeCsv } from './csv';

async function csvOf(rows: Record<string, unknown>[]): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const count = await writeCsv(out, {
    columns: [
      { key: 'title', header: '标题' },
      { key: 'rate', header: '满意率', format: 'percent' },
      { key: 'at', header: '受理时间', format: 'date' },
    ],
    rows: rows as never,
  });
  expect(count).toBe(rows.length);
  return Buffer.concat(chunks).toString('utf8');
}

describe('CSV export', () => {
  it('starts with a BOM and the Chinese header, CRLF line endings, Beijing time and percentages', async () => {
    const text = await csvOf([{ title: '路灯不亮', rate: 0.955, at: '2026-12-06T00:30:00.000Z' }]);
    expect(text).toBe('\ufeff标题,满意率,受理时间\r\n路灯不亮,95.5%,2026-12-06 08:30\r\n');
  });

  it('quotes commas, quotes and line breaks so the row stays one row', async () => {
    const text = await csvOf([{ title: '噪音,"夜间"\n施工', rate: null, at: undefined }]);
    expect(text.split('\r\n')[1]).toBe('"噪音,""夜间""\n施工",,');
  });

  it('defuses cells a spreadsheet would run as a formula, but leaves negative numbers alone', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-12.5')).toBe('-12.5');
  });

  it('streams rows from an async source', async () => {
    async function* rows(): AsyncIterable<Record<string, unknown>> {
      for (let i = 0; i < 3; i += 1) yield { title: `第${i}条` };
    }
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeCsv(out, { columns: [{ key: 'title', header: '标题' }], rows: rows() as never });
    expect(Buffer.concat(chunks).toString('utf8').trimEnd().split('\r\n')).toEqual([
      '\ufeff标题',
      '第0条',
      '第1条',
      '第2条',
    ]);
  });
});
