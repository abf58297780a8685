import fc from 'fast-check';
import { charBigrams, searchTerms } from './char-ngrams';
import { contentShingles } from '../duplicates/text-fingerprint';
import { MinHasher, hash32 } from './min-hash';
import { normalizeText } from './normalize-text';
import { cosine, jaccard, overlap } from './similarity';

describe('Chinese text without a segmentation model', () => {
  it('folds full-width characters and case', () => {
    expect(normalizeText('ＷｉＦｉ　坏了１２３')).toBe('wifi 坏了123');
  });

  it('makes bigrams of Han runs and keeps words of letters and digits whole', () => {
    expect(charBigrams('路灯不亮，52路公交')).toEqual(['路灯', '灯不', '不亮', '52', '路公', '公交']);
    expect(charBigrams('火！')).toEqual(['火']);
  });

  it('indexes unigrams and bigrams for search', () => {
    expect(searchTerms('停水')).toEqual(['停', '停水', '水']);
  });

  it('measures set and bag similarity', () => {
    const a = new Set(['路灯', '灯不', '不亮']);
    const b = new Set(['路灯', '灯坏', '坏了']);
    expect(jaccard(a, b)).toBeCloseTo(1 / 5);
    expect(overlap(a, new Set(['路灯']))).toBe(1);
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(cosine(new Map([['a', 1]]), new Map([['a', 2]]))).toBeCloseTo(1);
  });
});

describe('MinHasher', () => {
  const hasher = new MinHasher({ rows: 4, bands: 12 });

  it('gives identical sets identical band keys and unrelated sets none in common', () => {
    const a = contentShingles('幸福小区门口的路灯坏了一个多星期');
    const b = contentShingles('医保卡丢了怎么补办');
    expect(hasher.bandKeys(a)).toEqual(hasher.bandKeys(contentShingles('幸福小区门口的路灯坏了一个多星期')));
    const keysA = new Set(hasher.bandKeys(a));
    expect(hasher.bandKeys(b).some((k) => keysA.has(k))).toBe(false);
  });

  it('estimates Jaccard similarity from signatures', () => {
    const wide = new MinHasher({ rows: 16, bands: 16 });
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 60 }), fc.integer({ min: 0, max: 20 }), (size, changed) => {
        const a = new Set(Array.from({ length: size }, (_, i) => `t${i}`));
        const b = new Set([...a].slice(changed).concat(Array.from({ length: changed }, (_, i) => `u${i}`)));
        const sa = wide.signature([...a].map((item) => hash32(item)));
        const sb = wide.signature([...b].map((item) => hash32(item)));
        const estimate = sa.filter((v, i) => v === sb[i]).length / sa.length;
        return Math.abs(estimate - jaccard(a, b)) < 0.2;
      }),
      { numRuns: 40 },
    );
  });

  it('gives no keys for an empty text and rejects bad shapes', () => {
    expect(hasher.bandKeys(contentShingles('，。！'))).toEqual([]);
    expect(() => new MinHasher({ rows: 0, bands: 4 })).toThrow(/^rows: /);
  });
});
