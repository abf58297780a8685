import { PassThrough, Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { readXlsx } from './testing';
import { writeXlsx, type XlsxSheet } from './xlsx';

async function xlsxOf(sheets: XlsxSheet[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise((resolve) => out.on('end', resolve));
  await writeXlsx(out, sheets);
  await finished;
  return Buffer.concat(chunks);
}

describe('xlsx export', () => {
  it('reads back the title, the header and the rows with numbers as numbers and times in Beijing time', async () => {
    const xlsx = await xlsxOf([
      {
        name: '按单位统计',
        title: '榕城市12345 2026年11月 承办单位考核',
        columns: [
          { key: 'unit', header: '承办单位', width: 20 },
          { key: 'cases', header: '承办数', format: 'number' },
          { key: 'rate', header: '按期办结率', format: 'percent' },
          { key: 'at', header: '统计时间', format: 'date' },
        ],
        rows: [
          { unit: '市住建局', cases: 120, rate: 0.925, at: '2026-12-01T00:00:00.000Z' },
          { unit: '鼓楼区东街街道', cases: 7, rate: 1, at: null },
        ],
      },
    ]);
    const [sheet] = await readXlsx(xlsx);
    expect(sheet!.name).toBe('按单位统计');
    expect(sheet!.rows[0]![0]).toBe('榕城市12345 2026年11月 承办单位考核');
    expect(sheet!.rows[1]).toEqual(['承办单位', '承办数', '按期办结率', '统计时间']);
    expect(sheet!.rows[2]).toEqual(['市住建局', 120, 0.925, '2026-12-01 08:00']);
    expect(sheet!.rows[3]!.slice(0, 3)).toEqual(['鼓楼区东街街道', 7, 1]);
  });

  it('writes several sheets and cleans a tab name Excel would refuse', async () => {
    const xlsx = await xlsxOf([
      { name: '汇总', columns: [{ key: 'a', header: 'A' }], rows: [{ a: 1 }] },
      { name: '明细/2026:11', columns: [{ key: 'a', header: 'A' }], rows: [] },
    ]);
    expect((await readXlsx(xlsx)).map((sheet) => sheet.name)).toEqual(['汇总', '明细 2026 11']);
  });

  it('goes on in further tabs, each with the title and header, once a tab is full', async () => {
    const sheet = (count: number, name = '工单明细'): XlsxSheet => ({
      name,
      title: '工单明细',
      columns: [{ key: 'n', header: '序号', format: 'number' }],
      rows: (async function* () {
        for (let n = 1; n <= count; n += 1) yield { n };
      })(),
      rowsPerTab: 3,
    });
    const tabs = await readXlsx(await xlsxOf([sheet(7)]));
    expect(tabs.map((tab) => tab.name)).toEqual(['工单明细', '工单明细 (2)', '工单明细 (3)']);
    // A long name is cut so that the part number fits in Excel's 31 characters.
    const long = await readXlsx(await xlsxOf([sheet(4, '工单'.repeat(15))]));
    expect(long.map((tab) => tab.name)).toEqual(['工单'.repeat(15), `${'工单'.repeat(13)}工 (2)`]);
    expect(tabs.map((tab) => tab.rows.slice(2).map((row) => row[0]))).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    for (const tab of tabs) expect(tab.rows.slice(0, 2)).toEqual([['工单明细'], ['序号']]);
    // Rows that fill the last tab exactly make no empty tab after it; no rows still make one tab.
    expect((await readXlsx(await xlsxOf([sheet(6)]))).length).toBe(2);
    expect((await readXlsx(await xlsxOf([sheet(0)]))).map((tab) => tab.rows.length)).toEqual([2]);
  });

  it('streams 20,000 rows from an async source without holding them', async () => {
    async function* rows(): AsyncIterable<Record<string, number | string>> {
      for (let i = 0; i < 20_000; i += 1) yield { id: i, text: `工单${i}` };
    }
    const xlsx = await xlsxOf([
      {
        name: '明细',
        columns: [
          { key: 'id', header: '序号' },
          { key: 'text', header: '内容' },
        ],
        rows: rows() as never,
      },
    ]);
    const [sheet] = await readXlsx(xlsx);
    expect(sheet!.rows).toHaveLength(20_001);
    expect(sheet!.rows[20_000]).toEqual([19_999, '工单19999']);
  }, 30_000);

  it('escapes markup, drops characters XML cannot hold, keeps spaces, and styles the title, header and percentages', async () => {
    const xlsx = await xlsxOf([
      {
        name: '明细',
        title: '标题 <A&B>',
        columns: [
          { key: 'text', header: '内容 "引号"', width: 30 },
          { key: 'rate', header: '比率', format: 'percent' },
          { key: 'ok', header: '是否' },
        ],
        rows: [{ text: '  前后空格\u0007 & <b>不是标签</b>  ', rate: 0.5, ok: true }],
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('明细')!;
    expect(sheet.getCell('A1').value).toBe('标题 <A&B>');
    expect(sheet.getCell('A1').font?.size).toBe(14);
    expect(sheet.getCell('C1').isMerged).toBe(true);
    expect(sheet.getCell('A2').value).toBe('内容 "引号"');
    expect(sheet.getCell('B2').font?.bold).toBe(true);
    expect(sheet.getCell('A3').value).toBe('  前后空格 & <b>不是标签</b>  ');
    expect(sheet.getCell('B3').numFmt).toBe('0.0%');
    expect(sheet.getCell('C3').value).toBe(true);
    expect(sheet.getColumn(1).width).toBe(30);
  });

  it('stops reading rows when the output is closed (a download given up)', async () => {
    let read = 0;
    async function* endless(): AsyncIterable<Record<string, string>> {
      for (;;) {
        read += 1;
        yield { text: `工单${read}：小区路灯不亮，夜间出行不便` };
      }
    }
    const out = new Writable({
      highWaterMark: 1024,
      write(_chunk, _encoding, callback) {
        // The reader takes the first chunk, then goes away.
        this.destroy(new Error('the client went away'));
        callback();
      },
    });
    await expect(
      writeXlsx(out, [{ name: '明细', columns: [{ key: 'text', header: '内容' }], rows: endless() }]),
    ).rejects.toThrow();
    expect(read).toBeLessThan(100_000);
  });
});
