import { textTokens } from './case-text-tokens';

describe('textTokens', () => {
  it('gives Han characters and bigrams, and lower-case words for other scripts', () => {
    expect(textTokens('工地噪声 Noise 22点')).toEqual([
      '工',
      '地',
      '噪',
      '声',
      '工地',
      '地噪',
      '噪声',
      'noise',
      '22',
      '点',
    ]);
  });

  it('uses only bigrams for a query of several Han characters, so every document token set contains them', () => {
    const doc = new Set(textTokens('小区旁工地夜间施工噪声扰民'));
    const query = textTokens('施工噪声', 'query');
    expect(query).toEqual(['施工', '工噪', '噪声']);
    expect(query.every((t) => doc.has(t))).toBe(true);
    expect(textTokens('噪音', 'query').every((t) => doc.has(t))).toBe(false);
  });

  it('keeps a single Han character of a query as it is', () => {
    expect(textTokens('噪 ABC', 'query')).toEqual(['噪', 'abc']);
  });

  it('folds full-width letters and digits (NFKC)', () => {
    expect(textTokens('ＡＢＣ１２')).toEqual(['abc12']);
  });
});
