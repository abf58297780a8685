import fc from 'fast-check';
import { jaccard, overlap } from '../text/similarity';
import { charBigrams } from '../text/char-ngrams';
import { MinHasher } from '../text/min-hash';
import { CaseFingerprintIndex, type RegisteredCase } from './case-fingerprint-index';
import { placeCategoryKey } from './case-fingerprint-source.port';
import { DEFAULT_DUPLICATE_POLICY } from './duplicate-policy';
import { DuplicateFinder } from './duplicate-finder';
import { contentBandKeys, contentShingles, textSimilarity } from './text-fingerprint';

const hasher = new MinHasher();
const at = (day: number): string => `2025-06-${String(day).padStart(2, '0')}T02:00:00.000Z`;
const registered = (
  caseId: string,
  content: string,
  extra: Partial<RegisteredCase> = {},
): RegisteredCase => ({
  caseId,
  caseNumber: `N-${caseId}`,
  categoryCode: '010102',
  content,
  registeredAt: at(1),
  ...extra,
});
const ids = (found: Array<{ caseId: string }>): string[] => found.map((f) => f.caseId).sort();

describe('CaseFingerprintIndex', () => {
  it('finds a case by the caller, by its place within the category and by its content bands', () => {
    const index = new CaseFingerprintIndex(hasher);
    index.register(registered('a', '幸福小区门口的路灯坏了一个多星期', { phone: '13800000001' }));
    index.register(registered('b', '阳光花园垃圾没人清运', { categoryCode: '030201' }));
    const none = { placeCategoryKeys: [], bandKeys: [] };
    expect(ids(index.candidates({ ...none, phone: '13800000001' }, 20))).toEqual(['a']);
    expect(
      ids(
        index.candidates({ ...none, placeCategoryKeys: [placeCategoryKey('name:阳光花园', '030201')] }, 20),
      ),
    ).toEqual(['b']);
    // The same place in another category is another route.
    expect(
      index.candidates({ ...none, placeCategoryKeys: [placeCategoryKey('name:阳光花园', '010102')] }, 20),
    ).toEqual([]);
    const bands = contentBandKeys(contentShingles('幸福小区门口的路灯坏了一个多星期'), hasher);
    expect(ids(index.candidates({ ...none, bandKeys: bands }, 20))).toEqual(['a']);
  });

  it('reads the newest cases of a crowded route, each case once', () => {
    const index = new CaseFingerprintIndex(hasher);
    for (let i = 0; i < 30; i++)
      index.register(registered(`c${i}`, '幸福小区路灯不亮', { phone: '13800000002' }));
    const found = index.candidates(
      {
        phone: '13800000002',
        placeCategoryKeys: [placeCategoryKey('name:幸福小区', '010102')],
        bandKeys: contentBandKeys(contentShingles('幸福小区路灯不亮'), hasher),
      },
      5,
    );
    expect(ids(found)).toEqual(['c25', 'c26', 'c27', 'c28', 'c29']);
  });

  it('applies a redelivered registration once, and follows the case closing and being redone', () => {
    const index = new CaseFingerprintIndex(hasher);
    index.register(registered('a', '幸福小区路灯不亮', { phone: '13800000003' }));
    index.register(registered('a', '幸福小区路灯不亮', { phone: '13800000003' }));
    expect(index.size).toBe(1);
    expect(index.candidates({ phone: '13800000003', placeCategoryKeys: [], bandKeys: [] }, 20)).toHaveLength(
      1,
    );
    index.setOpen('a', false);
    expect(index.candidates({ phone: '13800000003', placeCategoryKeys: [], bandKeys: [] }, 20)[0]?.open).toBe(
      false,
    );
    index.setOpen('a', true);
    expect(index.caseNumberOf('a')).toBe('N-a');
    expect(index.caseNumberOf('nope')).toBeUndefined();
  });

  it('suggests the open repeat among thousands of other cases', () => {
    const index = new CaseFingerprintIndex(hasher);
    const places = ['阳光花园', '金山新村', '五四路', '湖东路', '温泉公园'];
    for (let i = 0; i < 5_000; i++)
      index.register(
        registered(`x${i}`, `${places[i % 5]}${i}号垃圾桶满了没人清运`, { categoryCode: '030201' }),
      );
    index.register(registered('target', '幸福小区门口的路灯坏了，晚上很黑', { registeredAt: at(1) }));
    const finder = new DuplicateFinder(index, hasher, DEFAULT_DUPLICATE_POLICY);
    const found = finder.find(
      { content: '幸福小区门口路灯坏了好几天，晚上很黑', categoryCode: '010102', limit: 5 },
      new Date(at(2)),
    );
    expect(found.suggestions[0]?.caseId).toBe('target');
  });
});

describe('textSimilarity on hashed shingles', () => {
  it('equals the mean of Jaccard and containment of the bigram sets', () => {
    const han = fc.constantFrom(...'幸福小区门口路灯坏了垃圾清运噪音施工停水'.split(''));
    fc.assert(
      fc.property(fc.array(han, { maxLength: 30 }), fc.array(han, { maxLength: 30 }), (a, b) => {
        const [ta, tb] = [a.join(''), b.join('')];
        const [sa, sb] = [new Set(charBigrams(ta)), new Set(charBigrams(tb))];
        const expected = sa.size === 0 || sb.size === 0 ? 0 : (jaccard(sa, sb) + overlap(sa, sb)) / 2;
        return Math.abs(textSimilarity(contentShingles(ta), contentShingles(tb)) - expected) < 1e-9;
      }),
      { numRuns: 200 },
    );
  });
});
