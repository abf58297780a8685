import { NONE, labelOf, type LabelledExample } from './labelled-example';
import type { RankedLabel } from './learned-model';

/** Per category (NONE included), how often each unit completed its cases: P(unit | category). */
export type UnitsByCategory = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * Which units completed the cases of each category, from the labelled examples, smoothed towards
 * how often each unit completes any case (one pseudo-case a category), so that a category seen
 * once does not rule every other unit out.
 */
export function unitsByCategory(examples: readonly LabelledExample[]): UnitsByCategory {
  const overall = new Map<string, number>();
  const counts = new Map<string, Map<string, number>>();
  for (const example of examples) {
    const category = labelOf.category(example);
    const unit = labelOf.unit(example);
    overall.set(unit, (overall.get(unit) ?? 0) + 1);
    const row = counts.get(category) ?? new Map<string, number>();
    row.set(unit, (row.get(unit) ?? 0) + 1);
    counts.set(category, row);
  }
  const total = examples.length || 1;
  const table: Record<string, Record<string, number>> = {};
  for (const [category, row] of counts) {
    const cases = [...row.values()].reduce((sum, n) => sum + n, 0);
    table[category] = Object.fromEntries(
      [...overall].map(([unit, n]) => [unit, ((row.get(unit) ?? 0) + n / total) / (cases + 1)]),
    );
  }
  return table;
}

const tableRows = new WeakMap<UnitsByCategory, Map<string, Array<[string, number]>>>();

/** The table's rows as lists, made once per table (a suggestion reads a few of them). */
function rowsOf(table: UnitsByCategory): Map<string, Array<[string, number]>> {
  let rows = tableRows.get(table);
  if (!rows) {
    rows = new Map(Object.entries(table).map(([category, row]) => [category, Object.entries(row)]));
    tableRows.set(table, rows);
  }
  return rows;
}

/**
 * The unit suggestion from two sides: the unit head's own probabilities, and the units that
 * completed the cases of the categories the text is likely to be (Σ P(category) · P(unit |
 * category)), mixed with `weight` for the second (chosen by cross-validation).
 */
export function unitsThroughCategories(
  unit: readonly RankedLabel[],
  category: readonly RankedLabel[],
  table: UnitsByCategory,
  weight: number,
): RankedLabel[] {
  if (weight === 0) return [...unit];
  const through = new Map<string, number>();
  const rows = rowsOf(table);
  for (const c of category) {
    // An unlikely category moves no unit's probability by more than this: skipped.
    if (c.probability < 1e-4) continue;
    const row = rows.get(c.label) ?? rows.get(NONE);
    if (!row) continue;
    for (const [label, p] of row) through.set(label, (through.get(label) ?? 0) + c.probability * p);
  }
  return unit
    .map((u) => ({
      label: u.label,
      probability: (1 - weight) * u.probability + weight * (through.get(u.label) ?? 0),
    }))
    .sort((a, b) => b.probability - a.probability);
}
