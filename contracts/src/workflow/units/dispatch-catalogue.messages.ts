import { z } from 'zod';
import { ClientId, DistrictId } from '../../kernel/ids';
import { defineCommand, defineEvent } from '../../messages/define';
import { CategoryCode, UnitId, WORKFLOW_SERVICE } from '../case.values';

/** The stream category of dispatch catalogues (`dispatchCatalogue-<catalogueId>`, one per city). */
export const DISPATCH_CATALOGUE_CATEGORY = 'dispatchCatalogue';
export const DEFAULT_CATALOGUE_ID = 'city';

const EntryKey = {
  catalogueId: ClientId.default(DEFAULT_CATALOGUE_ID),
  /** Any level of the taxonomy: a level-1 or level-2 entry covers its sub-categories. */
  categoryCode: CategoryCode,
  /** 属地: the entry applies to cases of this district only; without it, to every district. */
  districtId: DistrictId.optional(),
};

export const SetDispatchCatalogueEntry = defineCommand({
  type: 'SetDispatchCatalogueEntry',
  service: WORKFLOW_SERVICE,
  summary:
    'Set which unit handles a category (in a district) in the dispatch catalogue (派单目录); a new version.',
  schema: z.object({ ...EntryKey, unitId: UnitId }),
});

export const RemoveDispatchCatalogueEntry = defineCommand({
  type: 'RemoveDispatchCatalogueEntry',
  service: WORKFLOW_SERVICE,
  summary: 'Remove an entry of the dispatch catalogue; a new version.',
  schema: z.object(EntryKey),
});

const EventKey = { catalogueId: ClientId, categoryCode: CategoryCode, districtId: DistrictId.optional() };
/** Every change makes a new version of the catalogue, numbered from 1. */
const Version = z.number().int().positive();

export const DispatchCatalogueEntrySet = defineEvent({
  type: 'DispatchCatalogueEntrySet',
  version: 1,
  category: DISPATCH_CATALOGUE_CATEGORY,
  summary: 'A dispatch catalogue entry now names this unit.',
  schema: z.object({ ...EventKey, unitId: UnitId, catalogueVersion: Version }),
});

export const DispatchCatalogueEntryRemoved = defineEvent({
  type: 'DispatchCatalogueEntryRemoved',
  version: 1,
  category: DISPATCH_CATALOGUE_CATEGORY,
  summary: 'A dispatch catalogue entry was removed.',
  schema: z.object({ ...EventKey, catalogueVersion: Version }),
});

export const dispatchCatalogueCommands = [SetDispatchCatalogueEntry, RemoveDispatchCatalogueEntry] as const;
export const dispatchCatalogueEvents = [DispatchCatalogueEntrySet, DispatchCatalogueEntryRemoved] as const;
