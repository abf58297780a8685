import { CITY_DISTRICT, type QueryViewer } from '@hotline/contracts';
import { stringsUnder } from '../strings-under';

/** What `GET /api/live` pushes as a `case` event: enough to know what to refetch. */
export interface LiveCaseEvent {
  caseId: string;
  type: string;
  unitIds: string[];
  districtId: string;
  position: number;
}

/** Who a stream is for: a district, or a unit and the units below it. */
export interface LiveScope {
  districtId: string;
  /** The unit and its descendants, for unit users; undefined for district and city-wide users. */
  unitIds?: ReadonlySet<string>;
}

const UNIT_KEY = /unitId$/i;

/** Every unit an event's data names (`unitId`, `leadUnitId`, `lead.unitId`, `coHandlers[].unitId`, …). */
export const unitIdsIn = (data: unknown): Set<string> => stringsUnder(data, UNIT_KEY);

/** The unit and every unit below it, from a parent list (cycles cannot loop). */
export function unitAndDescendants(
  unitId: string,
  units: ReadonlyArray<{ unitId: string; parentId?: string }>,
): Set<string> {
  const scope = new Set([unitId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId !== undefined && scope.has(unit.parentId) && !scope.has(unit.unitId)) {
        scope.add(unit.unitId);
        grew = true;
      }
    }
  }
  return scope;
}

/** A viewer's scope before the unit hierarchy is known. */
export const isCityWide = (viewer: QueryViewer): boolean =>
  viewer.actor.unitId === undefined && viewer.districtId === CITY_DISTRICT;

/** Whether a user with `scope` may see the event: the same rule as the case queries. */
export function isVisible(scope: LiveScope, event: LiveCaseEvent): boolean {
  if (scope.unitIds) return event.unitIds.some((unitId) => scope.unitIds?.has(unitId));
  return scope.districtId === CITY_DISTRICT || scope.districtId === event.districtId;
}
