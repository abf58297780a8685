import {
  NotFoundError,
  parentCategoryOf,
  type DispatchCatalogueView,
  type GetDispatchCatalogue,
  type ListUnits,
  type SuggestUnit,
  type UnitSuggestion,
  type UnitView,
} from '@hotline/contracts';
import type { Filter, ReadStore } from '@hotline/infra/read-store';
import type { z } from 'zod';
import { caseScope, requireReader } from '../viewer-scope';
import { CASES, DISPATCH_CATALOGUE, UNITS } from '../read-models/read-model-collections';
import { UNITS_PROJECTION, type WorkflowReadModels } from '../read-models/workflow-read-models';
import type { WorkflowSettings } from '../workflow-settings';
import type { UnitDirectorySource } from './unit-directory-source';

interface UnitDocument extends Omit<UnitView, 'unitId' | 'parentId'> {
  _id: string;
  parentId: string | null;
}
interface EntryDocument {
  categoryCode: string;
  districtId: string | null;
  unitId: string;
  since: number;
}

const unitView = ({ _id, parentId, name, level, active, fallback, contacts }: UnitDocument): UnitView => ({
  unitId: _id,
  name,
  level,
  ...(parentId !== null ? { parentId } : {}),
  active,
  fallback,
  contacts,
});

/** Units, the dispatch catalogue, and the catalogue's suggestion for a case. */
export class UnitQueryService {
  constructor(
    private readonly deps: {
      store: ReadStore;
      units: UnitDirectorySource;
      readModels: WorkflowReadModels;
      settings: WorkflowSettings;
    },
  ) {}

  private caughtUpWith(position: number | undefined): Promise<void> {
    return this.deps.readModels.waitFor(position, this.deps.settings.readAfterWriteTimeoutMs, [
      UNITS_PROJECTION,
    ]);
  }

  async listUnits(query: z.infer<(typeof ListUnits)['schema']>): Promise<UnitView[]> {
    requireReader(query.viewer);
    await this.caughtUpWith(query.minPosition);
    const filter: Filter = {
      ...(query.parentId !== undefined ? { parentId: query.parentId } : {}),
      ...(query.level !== undefined ? { level: query.level } : {}),
      ...(query.includeInactive ? {} : { active: true }),
    };
    const docs = await this.deps.store.collection(UNITS).find<UnitDocument>(filter, { sort: { _id: 1 } });
    return docs.map(unitView);
  }

  async catalogue(query: z.infer<(typeof GetDispatchCatalogue)['schema']>): Promise<DispatchCatalogueView> {
    requireReader(query.viewer);
    await this.caughtUpWith(query.minPosition);
    const { catalogueId } = query;
    const collection = this.deps.store.collection(DISPATCH_CATALOGUE);
    const [version, entries] = await Promise.all([
      collection.findOne<{ version: number }>({ _id: catalogueId }),
      collection.find<EntryDocument>(
        { kind: 'entry', catalogueId },
        { sort: { categoryCode: 1, districtId: 1 } },
      ),
    ]);
    return {
      catalogueId,
      version: version?.version ?? 0,
      entries: entries.map(({ categoryCode, districtId, unitId, since }) => ({
        categoryCode,
        ...(districtId !== null ? { districtId } : {}),
        unitId,
        since,
      })),
    };
  }

  /**
   * The catalogue's unit for a category in a district (属地管理、归口办理): the most specific
   * category first, at each level the district's own entry before the city-wide one; entries naming
   * an inactive unit are passed over; with no match, the fallback unit.
   */
  async suggest(query: z.infer<(typeof SuggestUnit)['schema']>): Promise<UnitSuggestion> {
    const { store } = this.deps;
    const directory = await this.deps.units.snapshot();
    let { categoryCode, districtId } = query;
    if (query.caseId !== undefined) {
      await this.deps.readModels.waitFor(query.minPosition, this.deps.settings.readAfterWriteTimeoutMs);
      const scope = caseScope(query.viewer, directory);
      const found = await store
        .collection(CASES)
        .findOne<{ categoryCode: string; districtId: string }>(
          { _id: query.caseId, ...scope },
          { projection: { categoryCode: 1, districtId: 1 } },
        );
      if (!found) throw new NotFoundError('case', query.caseId);
      ({ categoryCode, districtId } = found);
    } else {
      requireReader(query.viewer);
      await this.caughtUpWith(query.minPosition);
    }
    const codes: string[] = [];
    for (let code = categoryCode; code !== undefined; code = parentCategoryOf(code)) codes.push(code);
    const collection = store.collection(DISPATCH_CATALOGUE);
    const [entries, version] = await Promise.all([
      collection.find<EntryDocument>({
        kind: 'entry',
        catalogueId: query.catalogueId,
        categoryCode: { $in: codes },
        districtId: { $in: [districtId ?? null, null] },
      }),
      collection.findOne<{ version: number }>({ _id: query.catalogueId }),
    ]);
    const catalogueVersion = version?.version ?? 0;
    for (const code of codes) {
      for (const district of districtId !== undefined ? [districtId, null] : [null]) {
        const entry = entries.find((e) => e.categoryCode === code && e.districtId === district);
        const unit = entry ? directory[entry.unitId] : undefined;
        if (entry && unit?.active) {
          const matched = { categoryCode: code, ...(district !== null ? { districtId: district } : {}) };
          return { unitId: unit.id, unitName: unit.name, matched, catalogueVersion };
        }
      }
    }
    const fallback = Object.values(directory)
      .filter((u) => u.fallback && u.active)
      .sort((a, b) => a.id.localeCompare(b.id))[0];
    if (!fallback) throw new NotFoundError('fallback unit', 'any');
    return { unitId: fallback.id, unitName: fallback.name, matched: 'fallback', catalogueVersion };
  }
}
