import type { UnitLevel } from '../unit-hierarchy';
import type { UnitContact } from './unit.messages';

export interface UnitView {
  unitId: string;
  name: string;
  level: UnitLevel;
  parentId?: string;
  active: boolean;
  fallback: boolean;
  contacts: UnitContact[];
}

export interface DispatchCatalogueEntryView {
  categoryCode: string;
  districtId?: string;
  unitId: string;
  /** The catalogue version that set this entry. */
  since: number;
}

export interface DispatchCatalogueView {
  catalogueId: string;
  version: number;
  entries: DispatchCatalogueEntryView[];
}

export interface UnitSuggestion {
  unitId: string;
  unitName: string;
  /** The entry that matched, or `fallback` when none did (dispatch it with DispatchCaseToFallbackUnit). */
  matched: { categoryCode: string; districtId?: string } | 'fallback';
  catalogueVersion: number;
}
