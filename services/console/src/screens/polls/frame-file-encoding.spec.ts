import { decodeFrameFile } from './frame-file-encoding';
import { gbkBytes } from '../../e2e/gbk-bytes';
import { splitFrameFile } from './frame-file-parts';

/** Bytes GB2312 fixes (and GBK keeps): "王" is CD F5, "鼓楼" B9 C4 C2 A5. */
const FIXED = [
  { text: '王', bytes: [0xcd, 0xf5] },
  { text: '鼓楼', bytes: [0xb9, 0xc4, 0xc2, 0xa5] },
];
const gbk = gbkBytes;

describe('a frame file read in the encoding it was saved in', () => {
  it('encodes the test texts with the fixed GBK bytes', () => {
    for (const { text, bytes } of FIXED) expect([...gbk(text)]).toEqual(bytes);
  });

  it('reads a GBK export from Excel, Chinese names in a column, and keeps every line number', () => {
    const lines = [
      '号码,区县,单位,姓名',
      '13900000001,gulou,housing-bureau,王小明',
      '13900000002,鼓楼区,housing-bureau,李娟',
      '',
      '13900000003,taijiang,,欧阳建国',
    ];
    const bytes = gbk(lines.join('\r\n'));
    // Not UTF-8: a strict UTF-8 reading fails on these bytes.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const decoded = decodeFrameFile(bytes);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text.split('\r\n')).toEqual(lines);
    const parts = splitFrameFile(decoded.text, 60);
    expect(parts.map((p) => p.firstLine)).toEqual([1, 2, 3, 5]);
    expect(parts[2]?.content.split('\r\n')[0]).toBe('13900000002,鼓楼区,housing-bureau,李娟');
  });

  it('reads the GB18030 four-byte characters GBK lacks (rare characters of names)', () => {
    // 𠀀 (U+20000) is 95 32 82 36 in GB18030.
    const bytes = Buffer.concat([gbk('13900000001,gulou,,王'), Buffer.from([0x95, 0x32, 0x82, 0x36])]);
    expect(decodeFrameFile(bytes)).toEqual({ text: '13900000001,gulou,,王𠀀', encoding: 'gb18030' });
  });

  it('reads UTF-8 with or without the byte-order mark, dropping the mark so line 1 is still the header', () => {
    const text = 'phone,district,name\n13900000001,gulou,王小明';
    expect(decodeFrameFile(new TextEncoder().encode(text))).toEqual({ text, encoding: 'utf-8' });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect(decodeFrameFile(withBom)).toEqual({ text, encoding: 'utf-8-bom' });
  });

  it('reads a file of digits and ASCII ids as UTF-8 (the same bytes in GBK)', () => {
    expect(decodeFrameFile(Buffer.from('13900000001,gulou')).encoding).toBe('utf-8');
  });
});
