import {
  CITY_DISTRICT,
  type GatewayRole,
  type QueryViewer,
  type SurgeDetectedData,
} from '@hotline/contracts';
import { stringsUnder } from '../strings-under';

/** What `GET /api/live` pushes as a `case` event: enough to know what to refetch. */
export interface LiveCaseEvent {
  caseId: string;
  type: string;
  unitIds: string[];
  districtId: string;
  position: number;
}

/**
 * What `GET /api/live` pushes as a `surge` event: a surge alert (SurgeDetected) for the supervisor's
 * banner, everything it shows (names and counts, no ids to look up).
 */
export type LiveSurgeEvent = Omit<SurgeDetectedData, 'caseNumbers'> & { position: number };

/** One event of the stream: its SSE name and its data. */
export type LiveItem = { name: 'case'; data: LiveCaseEvent } | { name: 'surge'; data: LiveSurgeEvent };

/** Who a stream is for: a district, or a unit and the units below it. */
export interface LiveScope {
  districtId: string;
  /** The unit and its descendants, for unit users; undefined for district and city-wide users. */
  unitIds?: ReadonlySet<string>;
  /** Whether surge alerts are pushed (the roles that may read GET /api/reports/surges). */
  surges?: boolean;
}

/** The roles that see surge alerts: the same as the surges report. */
export const SURGE_READERS: readonly GatewayRole[] = [
  'supervisor',
  'center',
  'leader',
  'city-admin',
  'district-admin',
];

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

/** Whether a user with `scope` sees a surge alert: a surge reader of the city, or of a district it touches. */
export function isSurgeVisible(scope: LiveScope, surge: LiveSurgeEvent): boolean {
  if (!scope.surges || scope.unitIds) return false;
  return scope.districtId === CITY_DISTRICT || surge.districtIds.includes(scope.districtId);
}

/** Whether a user with `scope` sees the item. */
export const isItemVisible = (scope: LiveScope, item: LiveItem): boolean =>
  item.name === 'case' ? isVisible(scope, item.data) : isSurgeVisible(scope, item.data);
