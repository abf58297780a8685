import { CITY_DISTRICT, ListUnits, WORKFLOW_SERVICE, querySubject, systemActor } from '@hotline/contracts';
import { BusRecord, messageHeaders } from '@hotline/infra/bus';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';

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
    const rows = await firstValueFrom(
      this.bus.send<UnitRow[]>(
        querySubject(WORKFLOW_SERVICE, ListUnits.type),
        new BusRecord(query, messageHeaders({ correlationId: 'gateway-scope' })),
      ),
    );
    return new Map(rows.map((row) => [row.unitId, row]));
  }
}
