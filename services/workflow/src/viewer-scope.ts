import {
  CITY_DISTRICT,
  HotlineError,
  NotFoundError,
  WorkflowRole,
  type QueryViewer,
  type UnitDirectory,
} from '@hotline/contracts';
import type { Filter } from '@hotline/infra/read-store';
import { unitAndDescendants } from './unit/unit-directory-source';

const READERS: readonly string[] = [
  WorkflowRole.Agent,
  WorkflowRole.Center,
  WorkflowRole.Leader,
  WorkflowRole.System,
  WorkflowRole.Unit,
];

const forbidden = (message: string): HotlineError =>
  new HotlineError('forbidden', 'CASE_READ_FORBIDDEN', message);

/** Hotline staff, leaders, the platform and unit users read the workflow; anyone else is refused. */
export function requireReader(viewer: QueryViewer): void {
  if (!READERS.includes(viewer.actor.role))
    throw forbidden(`role ${viewer.actor.role} cannot read the workflow`);
}

/** The units a unit user may see: its own and every unit below it (oversight). */
export function viewerUnits(viewer: QueryViewer, units: UnitDirectory): string[] | undefined {
  if (viewer.actor.role !== WorkflowRole.Unit) return undefined;
  const unitId = viewer.actor.unitId;
  if (unitId === undefined) throw forbidden('a unit user must name its unit');
  return unitAndDescendants(units, unitId);
}

/**
 * What a viewer may see of the cases: a unit user the cases its unit or a unit below it was ever
 * given; hotline staff and leaders their district's cases (all of them for the city district).
 */
export function caseScope(viewer: QueryViewer, units: UnitDirectory): Filter {
  requireReader(viewer);
  const visible = viewerUnits(viewer, units);
  if (visible) return { unitIds: { $in: visible } };
  return viewer.districtId === CITY_DISTRICT ? {} : { districtId: viewer.districtId };
}

/**
 * The inbox of `unitId` for a viewer: a unit user its own unit's or one below it, hotline staff any.
 * A unit outside the viewer's units answers exactly as a unit that does not exist.
 */
export function inboxScope(viewer: QueryViewer, units: UnitDirectory, unitId: string): Filter {
  requireReader(viewer);
  const visible = viewerUnits(viewer, units);
  if (units[unitId] === undefined || (visible && !visible.includes(unitId))) {
    throw new NotFoundError('unit', unitId);
  }
  if (visible || viewer.districtId === CITY_DISTRICT) return { unitId };
  return { unitId, districtId: viewer.districtId };
}
