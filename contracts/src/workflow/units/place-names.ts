/** A district office's name as the place's name: 鼓楼区人民政府 → 鼓楼区. */
export const districtPlaceName = (unitName: string): string =>
  unitName.replace(/(人民政府|政府|办事处)$/, '');

/** A street office's name without its district in front: 鼓楼区东街街道 → 东街街道. */
export const streetPlaceName = (unitName: string, district: string): string =>
  unitName.startsWith(district) && unitName.length > district.length
    ? unitName.slice(district.length)
    : unitName;

/** A district as a place: its id (the district office's unit id, the tenant id) and its place name. */
export interface DistrictPlace {
  districtId: string;
  name: string;
}

/**
 * The district an address names (福州市鼓楼区五四路 → gulou), when it names exactly one of the
 * city's districts; undefined when it names none or several (a guess would send the case to the
 * wrong district's staff).
 */
export function districtOfAddress(
  address: string | undefined,
  districts: readonly DistrictPlace[],
): string | undefined {
  const text = (address ?? '').replace(/\s/g, '');
  if (text === '') return undefined;
  const named = new Set(
    districts.filter((d) => d.name.length >= 2 && text.includes(d.name)).map((d) => d.districtId),
  );
  return named.size === 1 ? [...named][0] : undefined;
}
