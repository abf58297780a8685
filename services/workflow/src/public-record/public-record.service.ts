import {
  UNPUBLISHED_CASE_TYPES,
  ValidationError,
  type ListPublicCaseRecord,
  type PublicCaseRecordEntry,
  type PublicCaseRecordPage,
} from '@hotline/contracts';
import type { Filter, ReadStore } from '@hotline/infra/read-store';
import type { z } from 'zod';
import type { CaseDocument } from '../case/read-models/case-documents';
import { textTokens } from '../case/read-models/case-text-tokens';
import { CASES } from '../read-models/read-model-collections';
import { redactPersonalText } from './redact-personal-text';

type Query = z.infer<(typeof ListPublicCaseRecord)['schema']>;
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
  citizen: 1,
} as const;

/**
 * The public record (办件公开) of the citizen portal: closed cases with an answer, newest first.
 * Only what a neighbour could learn from a notice board: the matter and the answer, with names,
 * phone numbers and the like removed from both texts. Confidential cases and reports are never
 * listed, whoever asks.
 */
export class PublicRecordService {
  constructor(private readonly deps: { store: ReadStore }) {}

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
}

export function publicRecordFilter(query: Query): Filter {
  const filter: Filter = {};
  const and: Filter[] = [
    { status: 'closed' },
    { type: { $nin: [...UNPUBLISHED_CASE_TYPES] } },
    { 'citizen.confidential': { $ne: true } },
    { publicAnswer: { $ne: null } },
  ];
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
  const names = doc.citizen.name !== undefined ? [doc.citizen.name] : [];
  return {
    caseNumber: doc.caseNumber,
    type: doc.type,
    categoryCode: doc.categoryCode,
    districtId: doc.districtId,
    registeredAt: doc.registeredAt,
    closedAt: doc.closedAt ?? doc.publicAnswer?.at ?? doc.registeredAt,
    request: redactPersonalText(doc.content, names),
    answer: redactPersonalText(doc.publicAnswer?.answer ?? '', names),
  };
}
