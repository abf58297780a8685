import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { CategoryTaxonomy, SAMPLE_CATEGORIES } from '@hotline/contracts';
import { SqliteEventStore } from '@hotline/infra/event-store';
import { importHistory } from './import-history';
import { readCsv, readXlsx } from './read-table';

const taxonomy = new CategoryTaxonomy(SAMPLE_CATEGORIES);
const CSV = [
  '\uFEFF受理号,受理时间,诉求内容,诉求类型,分类编码,承办单位编码,备注',
  '2021-000001,2021-03-04 09:30,"小区路灯坏了，晚上很黑",投诉,010102,urban-management,',
  '2021-000002,2021/3/5 10:00,"工地夜里施工，""太吵""了",投诉,030101,,多行',
  '2021-000003,2021-02-30 10:00,停水了,咨询,010301,,',
  ',2021-03-06 11:00,没有受理号,投诉,,,',
  '2021-000005,2021-03-06 11:00,医保怎么报销,问问,050202,,',
  '2021-000006,2021-03-06 11:00,垃圾没人收,投诉,030200,,',
].join('\r\n');

function workbook(rows: string[][]): Uint8Array {
  const strings = rows.flat();
  const cell = (value: string, r: number, c: number) =>
    `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="s"><v>${strings.indexOf(value)}</v></c>`;
  const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
    .map((row, r) => `<row r="${r + 1}">${row.map((v, c) => cell(v, r, c)).join('')}</row>`)
    .join('')}</sheetData></worksheet>`;
  const sst = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings
    .map((s) => `<si><t>${s}</t></si>`)
    .join('')}</sst>`;
  return zipSync({ 'xl/worksheets/sheet1.xml': strToU8(sheet), 'xl/sharedStrings.xml': strToU8(sst) });
}

describe('importing the history of a previous system', () => {
  const store = () =>
    SqliteEventStore.open({
      path: join(mkdtempSync(join(tmpdir(), 'hotline-history-')), 'events.db'),
      durability: 'normal',
    });
  const clock = { now: () => new Date('2026-12-06T10:00:00.000Z') };

  it('reads quoted CSV fields, doubled quotes and a BOM', () => {
    const table = readCsv(CSV);
    expect(table[0]?.[0]).toBe('受理号');
    expect(table[2]?.[2]).toBe('工地夜里施工，"太吵"了');
    expect(table).toHaveLength(7);
  });

  it('imports the good lines, gives each bad line its reasons, and adds nothing on a second run', async () => {
    const deps = { store: store(), clock };
    const progress: number[] = [];
    const options = {
      file: 'old-system.csv',
      taxonomy,
      progressEvery: 2,
      onProgress: (done: number) => progress.push(done),
    };
    const first = await importHistory(deps, readCsv(CSV), options);
    expect(first).toMatchObject({ lines: 6, imported: 2, alreadyImported: 0 });
    expect(first.rejected).toEqual([
      { line: 4, reasons: [expect.stringMatching(/^受理时间: "2021-02-30 10:00"/)] },
      { line: 5, reasons: [expect.stringMatching(/^受理号/)] },
      { line: 6, reasons: [expect.stringMatching(/^诉求类型: "问问"/)] },
      { line: 7, reasons: [expect.stringMatching(/^分类编码: 030200 is not a leaf/)] },
    ]);
    expect(progress).toEqual([2, 4, 6]);
    const [imported] = await deps.store.readStream('historicalCase-2021-000001');
    expect(imported?.data).toMatchObject({
      sourceId: '2021-000001',
      registeredAt: '2021-03-04T01:30:00.000Z',
      type: 'complaint',
      categoryCode: '010102',
      unitId: 'urban-management',
      importedFrom: { file: 'old-system.csv', line: 2 },
    });
    const again = await importHistory(deps, readCsv(CSV), options);
    expect(again).toMatchObject({ imported: 0, alreadyImported: 2 });
    expect(await deps.store.readStream('historicalCase-2021-000001')).toHaveLength(1);
  });

  it('reads the first sheet of an xlsx workbook, and refuses a file without the required columns', async () => {
    const rows = [
      ['case number', 'registered at', 'content', 'type'],
      ['X-1', '2021-05-06 08:00', '出租车拒载', 'complaint'],
    ];
    const table = readXlsx(workbook(rows));
    expect(table).toEqual(rows);
    const deps = { store: store(), clock };
    await expect(importHistory(deps, table, { file: 'old.xlsx', taxonomy })).resolves.toMatchObject({
      imported: 1,
    });
    const missing = await importHistory(deps, [['受理号', '内容']], { file: 'bad.csv', taxonomy });
    expect(missing.rejected).toEqual([
      { line: 1, reasons: ['the header has no column 受理时间', 'the header has no column 诉求类型'] },
    ]);
  });
});
