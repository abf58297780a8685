import { CITY_DISTRICT, ListUnits, systemActor } from '@hotline/contracts';
import { BusRequests } from '@hotline/infra/bus';
import type { ClientProxy } from '@nestjs/microservices';

interface UnitRow {
  unitId: string;
  parentId?: string;
  level?: string;
}

const CACHE_MS = 60_000;

/**
 * The unit hierarchy as the gateway needs it for scope checks (a unit user sees its unit and the
 * units below it; a district user its district's units), asked of the workflow and cached briefly.
 */
export class UnitScope {
  private tree: Promise<Map<string, UnitRow>> | undefined;
  private loadedAt = 0;

  constructor(private readonly bus: ClientProxy) {}

  /** Whether `unitId` is `rootId` or below it. */
  async within(unitId: string, rootId: string): Promise<boolean> {
    if (unitId === rootId) return true;
    const units = await this.units();
    const seen = new Set<string>();
    for (let current = units.get(unitId); current?.parentId !== undefined && !seen.has(current.unitId);) {
      if (current.parentId === rootId) return true;
      seen.add(current.unitId);
      current = units.get(current.parentId);
    }
    return false;
  }

  private units(): Promise<Map<string, UnitRow>> {
    if (!this.tree || Date.now() - this.loadedAt > CACHE_MS) {
      this.loadedAt = Date.now();
      const loading = this.load();
      // A failed load is retried on the next check rather than cached.
      loading.catch(() => (this.tree = undefined));
      this.tree = loading;
    }
    return this.tree;
  }

  private async load(): Promise<Map<string, UnitRow>> {
    const query = {
      viewer: { actor: systemActor('gateway-scope'), districtId: CITY_DISTRICT },
      includeInactive: true,
    };
    const rows = await new BusRequests(this.bus).query<UnitRow[]>(ListUnits, query, 'gateway-scope');
    return new Map(rows.map((row) => [row.unitId, row]));
  }
}
