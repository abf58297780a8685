import { areas } from './messages';
import { format } from './format';

describe('console messages', () => {
  it.each(Object.entries(areas))('gives every %s key a text in both zh-CN and en', (_area, messages) => {
    const zh = Object.keys(messages['zh-CN']).sort();
    const en = Object.keys(messages.en).sort();
    expect(zh.filter((key) => !en.includes(key))).toEqual([]);
    expect(en.filter((key) => !zh.includes(key))).toEqual([]);
    for (const text of [...Object.values(messages['zh-CN']), ...Object.values(messages.en)]) {
      expect(text.trim()).not.toBe('');
    }
  });

  it('uses every key in one area only, so one area cannot silently override another', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const [area, messages] of Object.entries(areas)) {
      for (const key of Object.keys(messages['zh-CN'])) {
        const owner = seen.get(key);
        if (owner !== undefined) clashes.push(`${key} (${owner}, ${area})`);
        seen.set(key, area);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('案件 {number} 已受理', { number: '12345678' })).toBe('案件 12345678 已受理');
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
