import { z } from 'zod';
import { defineQuery } from '../messages/define';
import { CaseId, CategoryCode, Place } from '../workflow/case.values';
import { ChinesePhoneNumber } from '../workflow/citizen';
import { MinPosition, QueryViewer } from '../workflow/queries/query-viewer';
import {
  ContactChannel,
  ContactContent,
  ContactId,
  INTAKE_SERVICE,
  KnowledgeArticleId,
} from './intake.values';
import { KnowledgeReviewStatus } from './knowledge-article.values';

const Limit = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback);

export const ClassifyContent = defineQuery({
  type: 'ClassifyContent',
  service: INTAKE_SERVICE,
  summary: 'Suggest type and category for a text; flag emergencies and not-accepted matters.',
  schema: z.object({ viewer: QueryViewer, content: ContactContent, channel: ContactChannel.optional() }),
});

export const FindDuplicates = defineQuery({
  type: 'FindDuplicates',
  service: INTAKE_SERVICE,
  summary:
    'Open cases likely to be the same matter: same caller, or similar content at the same place and category.',
  schema: z.object({
    viewer: QueryViewer,
    content: ContactContent,
    phone: ChinesePhoneNumber.optional(),
    categoryCode: CategoryCode.optional(),
    place: Place.optional(),
    limit: Limit(20, 5),
  }),
});

export const SearchKnowledge = defineQuery({
  type: 'SearchKnowledge',
  service: INTAKE_SERVICE,
  summary: 'Search the approved, currently valid knowledge articles; best first.',
  schema: z.object({
    viewer: QueryViewer,
    minPosition: MinPosition,
    query: z.string().trim().min(1).max(500),
    categoryCode: CategoryCode.optional(),
    limit: Limit(50, 5),
  }),
});

export const GetKnowledgeArticle = defineQuery({
  type: 'GetKnowledgeArticle',
  service: INTAKE_SERVICE,
  summary: 'One knowledge article with its served version and review state.',
  schema: z.object({ viewer: QueryViewer, articleId: KnowledgeArticleId, minPosition: MinPosition }),
});

export const ListKnowledgeArticles = defineQuery({
  type: 'ListKnowledgeArticles',
  service: INTAKE_SERVICE,
  summary:
    "Knowledge articles by review status, newest version's content first: the center's review queue; a unit user sees only its own unit's proposals.",
  schema: z.object({
    viewer: QueryViewer,
    status: KnowledgeReviewStatus.optional(),
    /** Only articles served now: approved, not retired, within their validity (the portal's FAQ). */
    served: z.boolean().default(false),
    limit: Limit(500, 100),
    minPosition: MinPosition,
  }),
});

export const GetCallerHistory = defineQuery({
  type: 'GetCallerHistory',
  service: INTAKE_SERVICE,
  summary: "A caller's previous contacts and their cases, newest first (screen pop).",
  schema: z.object({
    viewer: QueryViewer,
    phone: ChinesePhoneNumber,
    minPosition: MinPosition,
    limit: Limit(100, 20),
  }),
});

export const GetContact = defineQuery({
  type: 'GetContact',
  service: INTAKE_SERVICE,
  summary: 'One contact as recorded, with its assessment and outcome.',
  schema: z.object({ viewer: QueryViewer, contactId: ContactId, minPosition: MinPosition }),
});

export const ListOpenContacts = defineQuery({
  type: 'ListOpenContacts',
  service: INTAKE_SERVICE,
  summary: 'Contacts awaiting an agent (no outcome yet), oldest first; quarantined ones on request.',
  schema: z.object({
    viewer: QueryViewer,
    minPosition: MinPosition,
    quarantined: z.boolean().default(false),
    limit: Limit(200, 50),
  }),
});

export const CheckCaller = defineQuery({
  type: 'CheckCaller',
  service: INTAKE_SERVICE,
  summary: 'Whether a number is on the blocklist now, with the reason and expiry.',
  schema: z.object({ viewer: QueryViewer, phone: ChinesePhoneNumber, minPosition: MinPosition }),
});

export const GetCaseRepeatCount = defineQuery({
  type: 'GetCaseRepeatCount',
  service: INTAKE_SERVICE,
  summary: 'How many contacts repeated an open case (the escalation ladder counts them).',
  schema: z.object({ viewer: QueryViewer, caseId: CaseId, minPosition: MinPosition }),
});

export const GetChatTranscript = defineQuery({
  type: 'GetChatTranscript',
  service: INTAKE_SERVICE,
  summary:
    "A web chat's messages in order, read from the contact's stream (the first is the contact's content).",
  schema: z.object({ viewer: QueryViewer, contactId: ContactId }),
});

export const GetSuggestionAccuracy = defineQuery({
  type: 'GetSuggestionAccuracy',
  service: INTAKE_SERVICE,
  summary:
    "How often the classifier's suggestions matched what agents finally chose (type, category, handling unit), by week, newest first.",
  schema: z.object({ viewer: QueryViewer, minPosition: MinPosition, weeks: Limit(52, 12) }),
});
