import { z } from 'zod';
import { defineQuery } from '../../messages/define';
import { DistrictId } from '../../kernel/ids';
import { CategoryCode, WORKFLOW_SERVICE } from '../case.values';
import { MinPosition, Page, PageSize, QueryViewer } from './query-viewer';

export const LookUpCaseForCitizen = defineQuery({
  type: 'LookUpCaseForCitizen',
  service: WORKFLOW_SERVICE,
  summary:
    "A citizen's own view of a case (IVR, portal): with the case number and the last four digits of the phone number, the status and the public reply; never internal notes or anyone else's data.",
  schema: z.object({
    caseNumber: z.string().regex(/^\d{8,16}$/, 'must be 8 to 16 digits'),
    phoneLast4: z.string().regex(/^\d{4}$/, 'must be the last four digits of the phone number'),
  }),
});

/** Case types never published: a report (举报) names the people it accuses. */
export const UNPUBLISHED_CASE_TYPES = ['report'] as const;

export const ListPublicCaseRecord = defineQuery({
  type: 'ListPublicCaseRecord',
  service: WORKFLOW_SERVICE,
  summary:
    'The public record (办件公开) of closed cases, newest first: what was asked and how it was answered, with personal data removed; confidential cases and reports are never listed.',
  schema: z.object({
    q: z.string().trim().min(1).max(100).optional(),
    districtId: DistrictId.optional(),
    /** A category of any level: a level-1 or level-2 code lists its sub-categories' cases too. */
    categoryCode: CategoryCode.optional(),
    page: z.number().int().min(1).max(1_000).default(1),
    pageSize: z.number().int().min(1).max(50).default(10),
  }),
});

export const ListPublicRecordReviews = defineQuery({
  type: 'ListPublicRecordReviews',
  service: WORKFLOW_SERVICE,
  summary:
    'Closed cases awaiting the public record review (办件公开审核), oldest first, each with the text proposed for publication: names, phone numbers and other personal data already taken out for the reviewer to check.',
  schema: z.object({ viewer: QueryViewer, page: Page, pageSize: PageSize, minPosition: MinPosition }),
});
