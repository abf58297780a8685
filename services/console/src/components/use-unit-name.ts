import { useCallback } from 'react';
import type { UnitView } from '@hotline/contracts';
import { apiGet } from '../api/http';
import { useSession } from '../auth/session';
import { useRequest } from './use-request';

// One request per signed-in user and page load: every case page and list names units from it.
let cached: { user: string; units: Promise<UnitView[]> } | undefined;

function unitsOf(user: string): Promise<UnitView[]> {
  if (cached?.user !== user) {
    const units = apiGet<UnitView[]>('/api/units', { includeInactive: true });
    units.catch(() => {
      // The next screen asks again; ids stand in for names meanwhile.
      if (cached?.units === units) cached = undefined;
    });
    cached = { user, units };
  }
  return cached.units;
}

/** A unit id as the unit's name (retired units too); the id while loading or when unknown. */
export function useUnitName(): (unitId: string | undefined) => string {
  const { user } = useSession();
  const username = user?.username;
  const units = useRequest(() => unitsOf(username ?? ''), username ?? null);
  return useCallback(
    (unitId) => {
      if (unitId === undefined) return '—';
      return units.data?.find((u) => u.unitId === unitId)?.name ?? unitId;
    },
    [units.data],
  );
}

/** Every unit the signed-in user may name (the same one request as `useUnitName`). */
export function useUnitList(): UnitView[] {
  const { user } = useSession();
  const username = user?.username;
  return useRequest(() => unitsOf(username ?? ''), username ?? null).data ?? [];
}
