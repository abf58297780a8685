import {
  NotFoundError,
  type CaseDetailView,
  type CaseSearchResult,
  type CaseTimelineEntry,
  type Clock,
  type GetCase,
  type GetCaseTimeline,
} from '@hotline/contracts';
import type { ReadStore } from '@hotline/infra/read-store';
import type { z } from 'zod';
import type { CaseDocument } from '../read-models/case-documents';
import { CASES, CASE_TIMELINE } from '../../read-models/read-model-collections';
import type { WorkflowReadModels } from '../../read-models/workflow-read-models';
import type { UnitDirectorySource } from '../../unit/unit-directory-source';
import type { WorkflowSettings } from '../../workflow-settings';
import { dueSoonUntil } from './case-colour-filters';
import { caseSearchFilter, type SearchCasesQuery } from './case-search-filter';
import { caseDetail, caseSummary } from './case-views';
import { caseScope } from '../../viewer-scope';
import { timelineEntryOf, type TimelineDocument } from './timeline-entry';

export interface WorkflowQueryDeps {
  store: ReadStore;
  readModels: WorkflowReadModels;
  units: UnitDirectorySource;
  settings: WorkflowSettings;
  clock: Clock;
}

const CASE_NUMBER_PATTERN = /^\d{7,12}$/;

/** Fields a search result never needs: left in the store. */
const SUMMARY_PROJECTION = {
  tokens: 0,
  state: 0,
  tasks: 0,
  content: 0,
  citizen: 0,
  citizenPhone: 0,
  citizenName: 0,
  coHandlerReplies: 0,
  reply: 0,
} as const;

/** Case detail, timeline and search, each scoped to what the viewer may see. */
export class CaseQueryService {
  constructor(private readonly deps: WorkflowQueryDeps) {}

  async getCase(query: z.infer<(typeof GetCase)['schema']>): Promise<CaseDetailView> {
    const doc = await this.visibleCase(query);
    return caseDetail(doc, query.viewer, this.deps.clock.now(), this.deps.settings);
  }

  async getTimeline(query: z.infer<(typeof GetCaseTimeline)['schema']>): Promise<CaseTimelineEntry[]> {
    const { caseId } = await this.visibleCase(query);
    const entries = await this.deps.store
      .collection(CASE_TIMELINE)
      .find<TimelineDocument>({ caseId }, { sort: { revision: 1 } });
    return entries.map(timelineEntryOf);
  }

  async search(query: SearchCasesQuery): Promise<CaseSearchResult> {
    const { store, readModels, settings, clock } = this.deps;
    await readModels.waitFor(query.minPosition, settings.readAfterWriteTimeoutMs);
    const now = clock.now();
    const scope = caseScope(query.viewer, await this.deps.units.snapshot());
    const filter = caseSearchFilter(
      query,
      scope,
      now,
      dueSoonUntil(settings.calendar, settings.deadlines, now),
    );
    const order = query.order === 'asc' ? 1 : -1;
    const cases = store.collection<CaseDocument>(CASES);
    const [total, docs] = await Promise.all([
      cases.countDocuments(filter),
      cases.find<CaseDocument>(filter, {
        sort: { [query.sort]: order, _id: order },
        skip: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
        projection: SUMMARY_PROJECTION,
      }),
    ]);
    return {
      total,
      page: query.page,
      pageSize: query.pageSize,
      items: docs.map((doc) => caseSummary(doc, now, settings)),
    };
  }

  /** The case if the viewer may see it; a case outside the scope is reported as not found. */
  private async visibleCase(query: z.infer<(typeof GetCase)['schema']>): Promise<CaseDocument> {
    const { store, readModels, settings } = this.deps;
    await readModels.waitFor(query.minPosition, settings.readAfterWriteTimeoutMs);
    const scope = caseScope(query.viewer, await this.deps.units.snapshot());
    const cases = store.collection<CaseDocument>(CASES);
    // A case is opened by its id or by its case number (the number citizens and staff read out).
    const doc =
      (await cases.findOne({ _id: query.caseId, ...scope })) ??
      (CASE_NUMBER_PATTERN.test(query.caseId)
        ? await cases.findOne({ caseNumber: query.caseId, ...scope })
        : null);
    if (!doc) throw new NotFoundError('case', query.caseId);
    return doc;
  }
}
