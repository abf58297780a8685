/** The maps of a fold as lists of entries (plain data for the router's snapshot), and back. */
export const mapsData = (maps: Record<string, Map<string, unknown>>): Record<string, unknown[]> =>
  Object.fromEntries(Object.entries(maps).map(([name, map]) => [name, [...map.entries()]]));

/** Refills `maps` from `mapsData`: a fold restored this way goes on as the one it was taken from. */
export function restoreMaps(maps: Record<string, Map<string, unknown>>, data: unknown): void {
  const lists = data as Record<string, Array<[string, unknown]> | undefined>;
  for (const [name, map] of Object.entries(maps)) {
    map.clear();
    for (const [key, value] of lists[name] ?? []) map.set(key, structuredClone(value));
  }
}
