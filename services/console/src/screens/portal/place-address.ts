import type { PlaceDistrict } from './portal-api';

/**
 * The address as the case records it: the district and street picked, then what the citizen typed
 * (without repeating a district or street name the text already starts with). Empty when nothing.
 */
export function placeAddress(
  places: readonly PlaceDistrict[],
  picked: readonly string[] | undefined,
  typed: string | undefined,
): string {
  const [districtId, streetId] = picked ?? [];
  const district = places.find((place) => place.districtId === districtId);
  const street = district?.streets.find((s) => s.unitId === streetId);
  let text = (typed ?? '').trim();
  const prefix = [district?.name, street?.name].filter((name): name is string => name !== undefined);
  for (const name of prefix) {
    if (text.startsWith(name)) text = text.slice(name.length).trim();
  }
  const parts = [...prefix, text].filter((part) => part !== '');
  return parts.join('');
}
