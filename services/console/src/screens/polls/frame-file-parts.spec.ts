import { POLL_FRAME_FILE_MAX_CHARS } from '@hotline/contracts';
import { splitFrameFile } from './frame-file-parts';

describe('a frame file split into parts', () => {
  it('cuts at line boundaries under the byte cap, each part knowing the file line it starts at', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `1390000000${i},gulou`);
    const parts = splitFrameFile(lines.join('\n'), 50);
    expect(parts.map((p) => p.firstLine)).toEqual([1, 3, 5, 7, 9]);
    expect(parts.flatMap((p) => p.content.split('\n'))).toEqual(lines);
    for (const part of parts) expect(new TextEncoder().encode(part.content).length).toBeLessThanOrEqual(50);
  });

  it('counts bytes, not characters, and keeps blank lines in the numbering', () => {
    const text = ['号码,区县', '', '13900000001,鼓楼', '13900000002,gulou'].join('\r\n');
    const parts = splitFrameFile(text, 30);
    expect(parts.map((p) => [p.firstLine, p.content.split('\n').length])).toEqual([
      [1, 2],
      [3, 1],
      [4, 1],
    ]);
  });

  it('cuts a line too long to be a number instead of leaving it out, and sends no empty tail', () => {
    const long = `13900000001,${'x'.repeat(5000)}`;
    const parts = splitFrameFile(`13900000001,gulou\n${long}\n13900000002,gulou\n\n`, 1000);
    expect(parts.map((p) => p.firstLine)).toEqual([1]);
    expect(parts[0]?.content.split('\n').map((line) => line.length)).toEqual([17, 200, 17, 0, 0]);
  });

  it('sends a file under the cap as one part', () => {
    expect(splitFrameFile('13900000001,gulou', POLL_FRAME_FILE_MAX_CHARS)).toEqual([
      { content: '13900000001,gulou', firstLine: 1 },
    ]);
  });
});
