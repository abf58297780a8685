import { z } from 'zod';
import { parseOrThrow } from '../../kernel/validate';
import { CategoryCode } from '../case.values';

/**
 * A 3-level coded category taxonomy in the style of GB/T 39666-2020: 6-digit codes `AABBCC` where
 * `AA0000` is a level-1 category, `AABB00` a level-2 category under it and `AABBCC` a level-3 one.
 * `convenienceList` marks the city's convenience-list items (便民清单), whose complaints have the
 * shorter limit.
 */
export const CategoryEntry = z.object({
  code: CategoryCode,
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(200),
  convenienceList: z.boolean().default(false),
});
export type CategoryEntry = z.infer<typeof CategoryEntry>;
export type CategoryEntryInput = z.input<typeof CategoryEntry>;

export type CategoryLevel = 1 | 2 | 3;

export function categoryLevelOf(code: string): CategoryLevel {
  if (code.endsWith('0000')) return 1;
  return code.endsWith('00') ? 2 : 3;
}

export function parentCategoryOf(code: string): string | undefined {
  const level = categoryLevelOf(code);
  if (level === 1) return undefined;
  return level === 2 ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`;
}

const Entries = z.array(CategoryEntry).superRefine((entries, ctx) => {
  const codes = new Set<string>();
  entries.forEach((entry, index) => {
    if (entry.code.startsWith('00')) {
      ctx.addIssue({ code: 'custom', path: [index, 'code'], message: `${entry.code} has no level-1 part` });
    }
    if (codes.has(entry.code))
      ctx.addIssue({ code: 'custom', path: [index, 'code'], message: `${entry.code} repeats` });
    codes.add(entry.code);
  });
  entries.forEach((entry, index) => {
    const parent = parentCategoryOf(entry.code);
    if (parent !== undefined && !codes.has(parent)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'code'],
        message: `${entry.code} has no parent ${parent}`,
      });
    }
  });
});

/** A validated taxonomy: every code unique and every non-root code under an existing parent. */
export class CategoryTaxonomy {
  private readonly byCode: ReadonlyMap<string, CategoryEntry>;
  private readonly parents: ReadonlySet<string>;

  constructor(entries: readonly CategoryEntryInput[]) {
    const parsed = parseOrThrow(Entries, entries, 'taxonomy');
    this.byCode = new Map(parsed.map((e) => [e.code, e]));
    this.parents = new Set(parsed.map((e) => parentCategoryOf(e.code)).filter((c) => c !== undefined));
  }

  get(code: string): CategoryEntry | undefined {
    return this.byCode.get(code);
  }

  /** Cases are classified on leaves: a category with no sub-categories. */
  isLeaf(code: string): boolean {
    return this.byCode.has(code) && !this.parents.has(code);
  }

  /** The entries from level 1 down to `code`, for breadcrumbs and reports. */
  pathOf(code: string): CategoryEntry[] {
    const path: CategoryEntry[] = [];
    for (let c: string | undefined = code; c !== undefined; c = parentCategoryOf(c)) {
      const entry = this.byCode.get(c);
      if (entry) path.unshift(entry);
    }
    return path;
  }

  entries(): CategoryEntry[] {
    return [...this.byCode.values()];
  }
}
