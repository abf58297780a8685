import type { UnitDirectory, UnitSnapshot } from '@hotline/contracts';

/** Where the workflow gets its snapshot of the handling units. */
export interface UnitDirectorySource {
  snapshot(): Promise<UnitDirectory>;
}

/** A fixed list of units (the sample city, tests). */
export function staticUnitDirectory(units: readonly UnitSnapshot[]): UnitDirectorySource {
  const directory: UnitDirectory = Object.fromEntries(units.map((u) => [u.id, u]));
  return { snapshot: () => Promise.resolve(directory) };
}

/** `unitId` and every unit below it, for oversight: a parent sees what its units handle. */
export function unitAndDescendants(units: UnitDirectory, unitId: string): string[] {
  const children = new Map<string, string[]>();
  for (const unit of Object.values(units)) {
    if (unit.parentId === undefined) continue;
    const list = children.get(unit.parentId) ?? [];
    list.push(unit.id);
    children.set(unit.parentId, list);
  }
  const found = new Set([unitId]);
  const queue = [unitId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const child of children.get(id) ?? []) {
      if (!found.has(child)) {
        found.add(child);
        queue.push(child);
      }
    }
  }
  return [...found];
}
