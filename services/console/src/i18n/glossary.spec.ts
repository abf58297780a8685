import { GLOSSARY } from './glossary';
import { mergeMessages } from './messages';

describe('the console glossary', () => {
  it('uses one word per thing: no Chinese text uses a word the glossary avoids', () => {
    const texts = Object.entries(mergeMessages('zh-CN'));
    const misuses = GLOSSARY.flatMap(({ zh, avoid }) =>
      avoid.flatMap((word) =>
        texts.filter(([, text]) => text.includes(word)).map(([key]) => `${key}: ${word} → ${zh}`),
      ),
    );
    expect(misuses).toEqual([]);
  });

  it('names a case type the same in every area (举报, never 反映)', () => {
    const zh = mergeMessages('zh-CN');
    expect(zh['caseType.report']).toBe(zh['type.report']);
  });
});
