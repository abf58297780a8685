/**
 * Which unit of the sample city completes a case of a category in a district: the sample
 * catalogue's entry (most specific first), except where the city's practice differs from it
 * (street vending and rubbish are completed by the district where one is named). Matters with no
 * entry go to the fallback office. This is the corpus's unit label, as a city's history would show.
 */
const CATALOGUE: ReadonlyArray<[code: string, district: string | undefined, unit: string]> = [
  ['030202', 'any-district', ''],
  ['030201', 'any-district', ''],
  ['010000', undefined, 'urban-management'],
  ['010200', undefined, 'housing-bureau'],
  ['010203', 'gulou', 'gulou'],
  ['010301', undefined, 'water-group'],
  ['010302', undefined, 'power-supply'],
  ['020000', undefined, 'transport-bureau'],
  ['030000', undefined, 'environment-bureau'],
  ['030101', 'gulou', 'gulou'],
  ['030101', 'taijiang', 'taijiang'],
  ['030101', 'cangshan', 'cangshan'],
  ['030200', undefined, 'urban-management'],
  ['040000', undefined, 'market-bureau'],
];

const levels = (code: string): string[] => [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`];

export function completedBy(categoryCode: string, districtId: string | undefined): string {
  for (const code of levels(categoryCode)) {
    for (const [entry, district, unit] of CATALOGUE) {
      if (entry !== code) continue;
      if (district === 'any-district') {
        if (districtId) return districtId;
        continue;
      }
      if (district === undefined || district === districtId) return unit;
    }
  }
  return 'fallback-office';
}
