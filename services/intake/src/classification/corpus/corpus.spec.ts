import { CategoryTaxonomy, CaseType, NotAcceptedReason, SAMPLE_CATEGORIES } from '@hotline/contracts';
import { buildCorpus } from './build-corpus';
import { splitOf } from './corpus-item';
import { loadCorpus } from './load-corpus';

describe('the labelled corpus', () => {
  const corpus = loadCorpus();

  it('is what the templates and the hand-written items make (regenerate with write-corpus.ts)', () => {
    expect(buildCorpus()).toEqual(corpus);
  });

  it('covers every type, every leaf of the taxonomy, every emergency number and every not-accepted reason', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(1000);
    for (const type of CaseType.options)
      expect(corpus.filter((i) => i.type === type).length).toBeGreaterThan(30);
    const taxonomy = new CategoryTaxonomy(SAMPLE_CATEGORIES);
    const leaves = SAMPLE_CATEGORIES.map((c) => c.code).filter((code) => taxonomy.isLeaf(code));
    for (const code of leaves)
      expect(corpus.filter((i) => i.categoryCode === code).length).toBeGreaterThan(10);
    for (const service of ['110', '119', '120', '122']) {
      expect(corpus.filter((i) => i.emergency === service).length).toBeGreaterThan(5);
    }
    const reasons = NotAcceptedReason.options.filter((r) => !r.startsWith('emergency-'));
    for (const reason of reasons)
      expect(corpus.filter((i) => i.notAccepted === reason).length).toBeGreaterThan(4);
  });

  it('holds out whole groups, the same ones on every run', () => {
    const sides = new Map<string, Set<string>>();
    for (const item of corpus) sides.set(item.group, (sides.get(item.group) ?? new Set()).add(splitOf(item)));
    expect([...sides.values()].every((s) => s.size === 1)).toBe(true);
    expect(splitOf({ group: '010101:m0' })).toBe(splitOf({ group: '010101:m0' }));
    const heldOut = loadCorpus('held-out').length;
    expect(heldOut + loadCorpus('training').length).toBe(corpus.length);
  });

  it('keeps the near misses the issue names, without an emergency', () => {
    for (const words of ['打不着火', '烟囱冒黑烟', '红路灯', '上次着火', '没有着火']) {
      const items = corpus.filter((i) => i.text.includes(words));
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((i) => i.emergency === undefined)).toBe(true);
    }
  });
});
