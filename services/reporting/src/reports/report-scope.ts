import { HotlineError, type QueryViewer } from '@hotline/contracts';

export interface ScopedFilters {
  districtId?: string | undefined;
  unitId?: string | undefined;
  categoryCode?: string | undefined;
  channel?: string | undefined;
  type?: string | undefined;
}

/**
 * What a viewer may read: a district's staff their district, a unit's staff their unit, city-wide
 * roles everything. Asking for another district or unit is refused without saying whether it has data.
 */
export function scopeFilters<F extends ScopedFilters>(viewer: QueryViewer, filters: F): F {
  const scoped = { ...filters };
  if (viewer.districtId !== 'city') {
    if (filters.districtId && filters.districtId !== viewer.districtId) throw outOfScope('districtId');
    scoped.districtId = viewer.districtId;
  }
  const ownUnit = viewer.actor.unitId;
  if (ownUnit) {
    if (filters.unitId && filters.unitId !== ownUnit) throw outOfScope('unitId');
    scoped.unitId = ownUnit;
  }
  return scoped;
}

function outOfScope(field: string): HotlineError {
  return new HotlineError(
    'forbidden',
    'REPORT_OUT_OF_SCOPE',
    `${field}: outside what you may report on`,
    field,
  );
}
