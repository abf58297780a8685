import { z } from 'zod';
import { ClientId, DistrictId } from '../../kernel/ids';
import { defineQuery } from '../../messages/define';
import { CaseId, CategoryCode, UnitId, WORKFLOW_SERVICE } from '../case.values';
import { MinPosition, QueryViewer } from '../queries/query-viewer';
import { DEFAULT_CATALOGUE_ID } from './dispatch-catalogue.messages';
import { UnitLevelSchema } from './unit.messages';

export const ListUnits = defineQuery({
  type: 'ListUnits',
  service: WORKFLOW_SERVICE,
  summary: 'The handling units, optionally those under one parent or of one level, with their contacts.',
  schema: z.object({
    viewer: QueryViewer,
    parentId: UnitId.optional(),
    level: UnitLevelSchema.optional(),
    includeInactive: z.boolean().default(false),
    minPosition: MinPosition,
  }),
});

export const GetDispatchCatalogue = defineQuery({
  type: 'GetDispatchCatalogue',
  service: WORKFLOW_SERVICE,
  summary: 'The entries of a dispatch catalogue and its version.',
  schema: z.object({
    viewer: QueryViewer,
    catalogueId: ClientId.default(DEFAULT_CATALOGUE_ID),
    minPosition: MinPosition,
  }),
});

export const SuggestUnit = defineQuery({
  type: 'SuggestUnit',
  service: WORKFLOW_SERVICE,
  summary:
    "The unit the dispatch catalogue names for a case (or a category in a district): the most specific category first, the district's entry before the city-wide one; the fallback unit when nothing matches.",
  schema: z
    .object({
      viewer: QueryViewer,
      catalogueId: ClientId.default(DEFAULT_CATALOGUE_ID),
      caseId: CaseId.optional(),
      categoryCode: CategoryCode.optional(),
      districtId: DistrictId.optional(),
      minPosition: MinPosition,
    })
    .refine((q) => (q.caseId === undefined) !== (q.categoryCode === undefined), {
      message: 'give either caseId or categoryCode (with an optional districtId)',
      path: ['caseId'],
    }),
});

export const unitQueries = [ListUnits, GetDispatchCatalogue, SuggestUnit] as const;
