import {
  HotlineError,
  UNPUBLISHED_CASE_TYPES,
  ValidationError,
  WorkflowRole,
  type ListPublicCaseRecord,
  type ListPublicRecordReviews,
  type PublicCaseRecordEntry,
  type PublicCaseRecordPage,
  type PublicRecordReviewItem,
  type PublicRecordReviewPage,
} from '@hotline/contracts';
import type { Filter, ReadStore } from '@hotline/infra/read-store';
import type { z } from 'zod';
import type { CaseDocument } from '../case/read-models/case-documents';
import { textTokens } from '../case/read-models/case-text-tokens';
import { CASES } from '../read-models/read-model-collections';
import { redactPersonalText } from './redact-personal-text';

type Query = z.infer<(typeof ListPublicCaseRecord)['schema']>;
type ReviewQuery = z.infer<(typeof ListPublicRecordReviews)['schema']>;
type PublicFields = Pick<
  CaseDocument,
  | 'caseNumber'
  | 'type'
  | 'categoryCode'
  | 'districtId'
  | 'registeredAt'
  | 'closedAt'
  | 'content'
  | 'publicAnswer'
  | 'publication'
  | 'citizen'
>;

const PROJECTION = {
  caseNumber: 1,
  type: 1,
  categoryCode: 1,
  districtId: 1,
  registeredAt: 1,
  closedAt: 1,
  content: 1,
  publicAnswer: 1,
  publication: 1,
  citizen: 1,
} as const;

/**
 * The public record (办件公开) of the citizen portal: closed cases with an answer, newest first.
 * Only what a neighbour could learn from a notice board: the matter and the answer in the words the
 * center approved in its review, with names, phone numbers and the like taken out (again, in case
 * the reviewer missed one). Unreviewed, withheld and confidential cases and reports are never
 * listed, whoever asks.
 */
export class PublicRecordService {
  constructor(
    private readonly deps: {
      store: ReadStore;
      /** Read-after-write for the review queue (a review just sent leaves it). */
      waitFor?: (position: number | undefined) => Promise<void>;
    },
  ) {}

  async list(query: Query): Promise<PublicCaseRecordPage> {
    const filter = publicRecordFilter(query);
    const cases = this.deps.store.collection<CaseDocument>(CASES);
    const [total, docs] = await Promise.all([
      cases.countDocuments(filter),
      cases.find<PublicFields>(filter, {
        sort: { closedAt: -1, _id: -1 },
        skip: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
        projection: PROJECTION,
      }),
    ]);
    return { total, page: query.page, pageSize: query.pageSize, items: docs.map(publicEntry) };
  }

  /** The review queue: publishable closed cases nobody has reviewed yet, oldest first. */
  async reviews(query: ReviewQuery): Promise<PublicRecordReviewPage> {
    if (query.viewer.actor.role !== WorkflowRole.Center) {
      throw new HotlineError('forbidden', 'CASE_READ_FORBIDDEN', 'only the center reviews the public record');
    }
    await this.deps.waitFor?.(query.minPosition);
    const filter: Filter = { $and: [...publishable(), { publication: null }] };
    const cases = this.deps.store.collection<CaseDocument>(CASES);
    const [total, docs] = await Promise.all([
      cases.countDocuments(filter),
      cases.find<PublicFields & { _id: string }>(filter, {
        sort: { closedAt: 1, _id: 1 },
        skip: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
        projection: { ...PROJECTION, _id: 1 },
      }),
    ]);
    return { total, page: query.page, pageSize: query.pageSize, items: docs.map(reviewItem) };
  }
}

/** Closed, answered, of a type that is published, and not confidential. */
const publishable = (): Filter[] => [
  { status: 'closed' },
  { type: { $nin: [...UNPUBLISHED_CASE_TYPES] } },
  { 'citizen.confidential': { $ne: true } },
  { publicAnswer: { $ne: null } },
];

export function publicRecordFilter(query: Query): Filter {
  const filter: Filter = {};
  const and: Filter[] = [...publishable(), { 'publication.decision': 'publish' }];
  if (query.q !== undefined) {
    const [first, ...rest] = textTokens(query.q, 'query');
    if (first === undefined)
      throw new ValidationError('q', 'has no letters, digits or characters to search for');
    filter.tokens = first;
    if (rest.length > 0) and.push({ tokens: { $all: rest } });
  }
  if (query.districtId !== undefined) and.push({ districtId: query.districtId });
  if (query.categoryCode !== undefined) and.push({ categoryPath: query.categoryCode });
  return { ...filter, $and: and };
}

function publicEntry(doc: PublicFields): PublicCaseRecordEntry {
  const names = namesIn(doc);
  const published = doc.publication?.decision === 'publish' ? doc.publication : undefined;
  return {
    caseNumber: doc.caseNumber,
    type: doc.type,
    categoryCode: doc.categoryCode,
    districtId: doc.districtId,
    registeredAt: doc.registeredAt,
    closedAt: doc.closedAt ?? doc.publicAnswer?.at ?? doc.registeredAt,
    request: redactPersonalText(published?.content ?? '', names),
    answer: redactPersonalText(published?.answer ?? '', names),
  };
}

function reviewItem(doc: PublicFields & { _id: string }): PublicRecordReviewItem {
  const names = namesIn(doc);
  const written = { content: doc.content, answer: doc.publicAnswer?.answer ?? '' };
  const proposed = {
    content: redactPersonalText(written.content, names),
    answer: redactPersonalText(written.answer, names),
  };
  return {
    caseId: doc._id,
    caseNumber: doc.caseNumber,
    type: doc.type,
    categoryCode: doc.categoryCode,
    districtId: doc.districtId,
    closedAt: doc.closedAt ?? doc.publicAnswer?.at ?? doc.registeredAt,
    proposed,
    redacted: proposed.content !== written.content || proposed.answer !== written.answer,
  };
}

const namesIn = (doc: PublicFields): string[] => (doc.citizen.name !== undefined ? [doc.citizen.name] : []);
