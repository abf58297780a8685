import { parseFrameFile } from './sampling-frame';
import { frameFileImports } from './frame-file-imports';
import { sampleByQuota, systematicSample } from './systematic-sample';

describe('sampling frame file', () => {
  it('keeps the valid numbers and reports every invalid line by its number', () => {
    const parsed = parseFrameFile(
      [
        'phone,district,unit',
        '138 0013 8000,gulou,water-bureau',
        '12345,gulou',
        '0591-87654321,taijiang',
        '',
        '13800138000,gulou',
        '13900139000,Gu Lou',
      ].join('\n'),
    );
    expect(parsed.entries).toEqual([
      { phone: '13800138000', district: 'gulou', unitId: 'water-bureau' },
      { phone: '0591-87654321', district: 'taijiang' },
    ]);
    expect(parsed.rejected).toEqual([
      {
        line: 3,
        code: 'phone',
        value: '12345',
        reason: '"12345" is not a Chinese mobile or landline number',
      },
      { line: 6, code: 'duplicate', value: '13800138000', reason: '13800138000 is already in the file' },
      { line: 7, code: 'district', value: 'Gu Lou', reason: '"Gu Lou" is not a district id' },
    ]);
  });

  it('skips a header in Chinese, as Excel exports name the columns, and ignores a name column', () => {
    const parsed = parseFrameFile('号码,区县,单位,姓名\n13800138000,gulou,water-bureau,王小明\n电话,gulou');
    expect(parsed.entries).toEqual([{ phone: '13800138000', district: 'gulou', unitId: 'water-bureau' }]);
    expect(parsed.rejected.map((r) => [r.line, r.code])).toEqual([[3, 'phone']]);
  });
});

describe('random-start systematic sampling', () => {
  const frame = Array.from({ length: 1000 }, (_, i) => i);

  it('takes n items at the fixed interval from a seeded start, the same for the same seed', () => {
    const sample = systematicSample(frame, 100, 'poll-2026', 'hotline|gulou');
    expect(sample).toHaveLength(100);
    const gaps = sample.slice(1).map((item, i) => item - (sample[i] as number));
    expect(new Set(gaps)).toEqual(new Set([10]));
    expect(sample[0]).toBeLessThan(10);
    expect(systematicSample(frame, 100, 'poll-2026', 'hotline|gulou')).toEqual(sample);
    const others = [1, 2, 3, 4, 5].map((n) => systematicSample(frame, 100, `poll-${n}`, 'hotline|gulou')[0]);
    expect(new Set(others).size).toBeGreaterThan(1);
  });

  it('spreads a fractional interval over the whole frame without repeats', () => {
    const sample = systematicSample(frame, 300, 'seed');
    expect(new Set(sample).size).toBe(300);
    expect(sample.at(-1)).toBeGreaterThanOrEqual(996);
  });

  it('samples each district and frame to its quota, and shows a quota its stratum cannot fill', () => {
    const entries = (district: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({ district, id: `${district}-${i}` }));
    const result = sampleByQuota(
      { hotline: [...entries('gulou', 50), ...entries('taijiang', 20)], carrier: entries('gulou', 40) },
      [
        { district: 'gulou', frame: 'hotline', count: 10 },
        { district: 'taijiang', frame: 'hotline', count: 30 },
        { district: 'gulou', frame: 'carrier', count: 5 },
      ],
      'seed',
    );
    expect(result.map((r) => [r.available, r.sample.length])).toEqual([
      [50, 10],
      [20, 20],
      [40, 5],
    ]);
    expect(result[0]?.sample.every((e) => e.district === 'gulou')).toBe(true);
  });
});

describe('a frame file sent in parts', () => {
  it('numbers a part’s lines as in the file, and skips a header only on the file’s first line', () => {
    const parsed = parseFrameFile('phone,district\n12345,gulou\n13800138000,gulou', 20_001);
    expect(parsed.rejected.map((r) => [r.line, r.code])).toEqual([
      [20_001, 'phone'],
      [20_002, 'phone'],
    ]);
    expect(parsed.lines).toEqual([20_003]);
  });

  it('adds up the parts of a file, keeps the first rejected lines in file order, and leaves a whole file alone', () => {
    const part = (index: number, firstLine: number) => ({ fileId: 'f1', index, count: 3, firstLine });
    const line = (n: number) => ({ line: n, code: 'phone', value: 'x', reason: 'x' });
    const doc = (importId: string, at: string, accepted: number, rejected: number[]) => ({
      importId,
      frame: 'carrier',
      fileName: '运营商.csv',
      accepted,
      rejectedCount: rejected.length,
      rejected: rejected.map(line),
      importedAt: at,
    });
    const imports = frameFileImports([
      { ...doc('c.0', '2026-12-07T01:00:00.000Z', 19_998, [7, 9]), part: part(0, 1) },
      doc('whole', '2026-12-07T01:00:01.000Z', 12, [3]),
      { ...doc('c.1', '2026-12-07T01:00:02.000Z', 20_000, []), part: part(1, 20_001) },
      { ...doc('c.2', '2026-12-07T01:00:03.000Z', 9_999, [40_005]), part: part(2, 40_001) },
    ]);
    expect(imports).toEqual([
      {
        ...doc('carrier.f1', '2026-12-07T01:00:03.000Z', 49_997, [7, 9, 40_005]),
        parts: { imported: 3, count: 3 },
      },
      doc('whole', '2026-12-07T01:00:01.000Z', 12, [3]),
    ]);
    // A part read twice is counted once.
    const again = frameFileImports([
      { ...doc('c.0', 'a', 1, []), part: part(0, 1) },
      { ...doc('c.0', 'b', 1, []), part: part(0, 1) },
    ]);
    expect(again[0]).toMatchObject({ accepted: 1, parts: { imported: 1, count: 3 } });
  });
});
