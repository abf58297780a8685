import { CategoryTaxonomy, categoryLevelOf, parentCategoryOf } from './category-taxonomy';
import { SAMPLE_CATEGORIES } from './sample-taxonomy';

describe('CategoryTaxonomy', () => {
  const taxonomy = new CategoryTaxonomy(SAMPLE_CATEGORIES);

  it('reads the level and the parent from the code', () => {
    expect([categoryLevelOf('030000'), categoryLevelOf('030100'), categoryLevelOf('030101')]).toEqual([
      1, 2, 3,
    ]);
    expect([parentCategoryOf('030101'), parentCategoryOf('030100'), parentCategoryOf('030000')]).toEqual([
      '030100',
      '030000',
      undefined,
    ]);
  });

  it('ships a valid sample of about forty categories on three levels', () => {
    const levels = taxonomy.entries().map((e) => categoryLevelOf(e.code));
    expect(levels.filter((l) => l === 3).length).toBeGreaterThanOrEqual(30);
    expect(new Set(levels)).toEqual(new Set([1, 2, 3]));
  });

  it('tells leaves from categories with sub-categories', () => {
    expect(taxonomy.isLeaf('030101')).toBe(true);
    expect(taxonomy.isLeaf('030100')).toBe(false);
    expect(taxonomy.isLeaf('999999')).toBe(false);
  });

  it('gives the path from level 1 down, and the convenience-list flag', () => {
    expect(taxonomy.pathOf('010102').map((e) => e.name)).toEqual(['城乡建设', '市政设施', '路灯故障']);
    expect(taxonomy.get('010102')?.convenienceList).toBe(true);
    expect(taxonomy.get('030101')?.convenienceList).toBe(false);
  });

  it('rejects an entry without its parent, a repeated code and a malformed code, naming the entry', () => {
    const entry = (code: string) => ({ code, name: '类', nameEn: 'Category' });
    expect(() => new CategoryTaxonomy([entry('010000'), entry('010101')])).toThrow(
      /^taxonomy\.1\.code: 010101 has no parent 010100/,
    );
    expect(() => new CategoryTaxonomy([entry('010000'), entry('010000')])).toThrow(
      /^taxonomy\.1\.code: 010000 repeats/,
    );
    expect(() => new CategoryTaxonomy([entry('01000')])).toThrow(
      /^taxonomy\.0\.code: must be a 6-digit category code/,
    );
  });
});
