/**
 * What the case workflow needs to know about handling units, as a plain snapshot: the four levels
 * city → district/county → street/township → community, whether a unit is active, and which units
 * are fallback units (兜底单位).
 */
export type UnitLevel = 'city' | 'district' | 'street' | 'community';

export interface UnitSnapshot {
  id: string;
  name: string;
  level: UnitLevel;
  parentId?: string;
  active: boolean;
  fallback: boolean;
}

export type UnitDirectory = Readonly<Record<string, UnitSnapshot>>;

/** Whether `unitId` sits somewhere below `ancestorId` in the hierarchy. */
export function isSubordinateUnit(units: UnitDirectory, ancestorId: string, unitId: string): boolean {
  const seen = new Set<string>();
  for (let id = units[unitId]?.parentId; id !== undefined && !seen.has(id); id = units[id]?.parentId) {
    if (id === ancestorId) return true;
    seen.add(id);
  }
  return false;
}
