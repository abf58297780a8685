import { parentCategoryOf, phoneLastFour, type CaseEvent, type RecordedEvent } from '@hotline/contracts';
import type { ReadDocument } from '@hotline/infra/read-store';
import { textTokens } from './case-text-tokens';
import type { CaseView } from './case-view';
import type { UnitTask } from './case-tasks';

type Registered = Extract<CaseEvent, { type: 'CaseRegistered' }>['data'];

/** What a case document holds besides its view: set once, at registration. */
export interface CaseStatics {
  content: string;
  citizen: Registered['citizen'];
  place: Registered['place'] | null;
  attachments: Registered['attachments'];
  simple: boolean;
  convenienceList: boolean;
  contactId: string | null;
  /** Full-text tokens of the content and the addresses. */
  tokens: string[];
  phoneLast4: string | null;
  /** The caller's canonical phone and name, top level so that a search by them uses an index. */
  citizenPhone: string | null;
  citizenName: string | null;
  /** The category and its parents, so a level-1 or level-2 code finds its sub-categories. */
  categoryPath: string[];
  registeredBy: RecordedEvent['metadata']['actor'];
}

export type CaseDocument = ReadDocument & CaseView & CaseStatics;

export function caseStatics(event: RecordedEvent): CaseStatics {
  const data = event.data as Registered;
  const categoryPath: string[] = [];
  for (let code: string | undefined = data.categoryCode; code !== undefined; code = parentCategoryOf(code)) {
    categoryPath.unshift(code);
  }
  const text = [data.content, data.place?.address, data.citizen.address]
    .filter((t) => t !== undefined)
    .join('\n');
  return {
    content: data.content,
    citizen: data.citizen,
    place: data.place ?? null,
    attachments: data.attachments,
    simple: data.simple,
    convenienceList: data.convenienceList,
    contactId: data.contactId ?? null,
    tokens: textTokens(text),
    phoneLast4: data.citizen.phone !== undefined ? phoneLastFour(data.citizen.phone) : null,
    citizenPhone: data.citizen.phone ?? null,
    citizenName: data.citizen.name ?? null,
    categoryPath,
    registeredBy: event.metadata.actor,
  };
}

const STATIC_KEYS: ReadonlySet<string> = new Set<keyof CaseStatics | '_id' | '_pos'>([
  '_id',
  '_pos',
  'content',
  'citizen',
  'place',
  'attachments',
  'simple',
  'convenienceList',
  'contactId',
  'tokens',
  'phoneLast4',
  'citizenPhone',
  'citizenName',
  'categoryPath',
  'registeredBy',
]);

/** The view part of a stored case document. */
export const viewOfDocument = (doc: Record<string, unknown>): CaseView =>
  Object.fromEntries(Object.entries(doc).filter(([key]) => !STATIC_KEYS.has(key))) as unknown as CaseView;

/** An inbox line: one unit's task on one case, with what the inbox shows of the case. */
export interface TaskDocument extends ReadDocument, UnitTask {
  caseId: string;
  caseNumber: string;
  districtId: string;
  hasDue: boolean;
  type: CaseView['type'];
  categoryCode: string;
  urgency: CaseView['urgency'];
  title: string;
  registeredAt: string;
  updatedAt: string;
}

export const taskFields = (view: CaseView, task: UnitTask): Omit<TaskDocument, '_id'> => ({
  ...task,
  caseId: view.caseId,
  caseNumber: view.caseNumber,
  districtId: view.districtId,
  hasDue: task.dueAt !== null,
  type: view.type,
  categoryCode: view.categoryCode,
  urgency: view.urgency,
  title: view.title,
  registeredAt: view.registeredAt,
  updatedAt: view.updatedAt,
});
