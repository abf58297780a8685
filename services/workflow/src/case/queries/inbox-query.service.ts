import {
  InboxList,
  WorkflowRole,
  caseColour,
  subDispatchColour,
  type BadgeCounts,
  type CenterCounts,
  type GetBadgeCounts,
  type GetUnitInbox,
  type InboxCounts,
  type InboxItem,
  type UnitInboxView,
} from '@hotline/contracts';
import type { Filter } from '@hotline/infra/read-store';
import type { z } from 'zod';
import type { TaskDocument } from '../read-models/case-documents';
import { CASES, UNIT_TASKS } from '../../read-models/read-model-collections';
import { dueSoonUntil, overdueFilter } from './case-colour-filters';
import type { WorkflowQueryDeps } from './case-query.service';
import { caseScope, inboxScope } from '../../viewer-scope';

const WORKING = { $in: ['to-sign', 'in-progress'] };

/** The filter of one inbox list, on top of the unit's scope. */
function listFilter(list: InboxList, now: string, yellowUntil: string): Filter {
  switch (list) {
    case 'to-sign':
      return { state: 'to-sign' };
    case 'in-progress':
      return { state: 'in-progress' };
    case 'due-soon':
      return { state: WORKING, hasDue: true, dueAt: { $gte: now, $lte: yellowUntil } };
    case 'overdue':
      return { state: WORKING, hasDue: true, dueAt: { $lt: now } };
    case 'returned':
      return { state: 'in-progress', cameBack: true };
    case 'extension-pending':
      return { extensionPending: true };
    default: {
      const unknown: never = list;
      return unknown;
    }
  }
}

/** Units' inboxes and the badge counts of units and of the center. */
export class InboxQueryService {
  constructor(private readonly deps: WorkflowQueryDeps) {}

  async inbox(query: z.infer<(typeof GetUnitInbox)['schema']>): Promise<UnitInboxView> {
    const { store, settings, clock } = this.deps;
    await this.deps.readModels.waitFor(query.minPosition, settings.readAfterWriteTimeoutMs);
    const scope = inboxScope(query.viewer, await this.deps.units.snapshot(), query.unitId);
    const now = clock.now();
    const lists = this.lists(scope, now);
    const tasks = store.collection<TaskDocument>(UNIT_TASKS);
    const filter = lists[query.list];
    const [counts, docs] = await Promise.all([
      this.counts(lists),
      tasks.find<TaskDocument>(filter, {
        sort: { dueAt: 1, _id: 1 },
        skip: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      }),
    ]);
    return {
      unitId: query.unitId,
      counts,
      list: query.list,
      total: counts[query.list],
      page: query.page,
      pageSize: query.pageSize,
      items: docs.map((doc) => this.item(doc, now)),
    };
  }

  async badgeCounts(query: z.infer<(typeof GetBadgeCounts)['schema']>): Promise<BadgeCounts> {
    const { viewer } = query;
    await this.deps.readModels.waitFor(query.minPosition, this.deps.settings.readAfterWriteTimeoutMs);
    const units = await this.deps.units.snapshot();
    const unitId =
      query.unitId ?? (viewer.actor.role === WorkflowRole.Unit ? viewer.actor.unitId : undefined);
    const now = this.deps.clock.now();
    if (unitId !== undefined) {
      return {
        scope: 'unit',
        unitId,
        counts: await this.counts(this.lists(inboxScope(viewer, units, unitId), now)),
      };
    }
    const scope = caseScope(viewer, units);
    const cases = this.deps.store.collection(CASES);
    const count = (filter: Filter): Promise<number> => cases.countDocuments({ ...scope, ...filter });
    const [awaitingDispatch, returned, awaitingReview, extensionPending, awaitingCallback, overdue] =
      await Promise.all([
        count({ status: 'registered' }),
        count({ status: 'returned' }),
        count({ status: 'replied' }),
        count({ extensionPending: true }),
        // The desk's callback list: completed and not yet called back.
        count({ awaitingCallback: true }),
        count(overdueFilter(now.toISOString())),
      ]);
    const counts: CenterCounts = {
      awaitingDispatch,
      returned,
      awaitingReview,
      extensionPending,
      awaitingCallback,
      overdue,
    };
    return { scope: 'center', counts };
  }

  private lists(scope: Filter, now: Date): Record<InboxList, Filter> {
    const { calendar, deadlines } = this.deps.settings;
    const nowIso = now.toISOString();
    const until = dueSoonUntil(calendar, deadlines, now).toISOString();
    return Object.fromEntries(
      InboxList.options.map((list) => [list, { ...scope, ...listFilter(list, nowIso, until) }]),
    ) as Record<InboxList, Filter>;
  }

  private async counts(lists: Record<InboxList, Filter>): Promise<InboxCounts> {
    const tasks = this.deps.store.collection(UNIT_TASKS);
    const counted = await Promise.all(
      InboxList.options.map(async (list) => [list, await tasks.countDocuments(lists[list])] as const),
    );
    return Object.fromEntries(counted) as InboxCounts;
  }

  private item(doc: TaskDocument, now: Date): InboxItem {
    const { settings } = this.deps;
    const active = doc.state === 'to-sign' || doc.state === 'in-progress';
    return {
      caseId: doc.caseId,
      caseNumber: doc.caseNumber,
      role: doc.role,
      state: doc.state,
      type: doc.type,
      categoryCode: doc.categoryCode,
      urgency: doc.urgency,
      title: doc.title,
      ...(doc.signBy !== null ? { signBy: doc.signBy } : {}),
      ...(doc.dueAt !== null ? { dueAt: doc.dueAt } : {}),
      ...(doc.dueAt !== null && active
        ? { colour: caseColour(settings.deadlines, settings.calendar, { now, dueAt: new Date(doc.dueAt) }) }
        : {}),
      ...(doc.subDispatchBy !== null && doc.subDispatchBy !== undefined
        ? {
            subDispatchBy: doc.subDispatchBy,
            subDispatchColour: subDispatchColour(settings.deadlines, now, new Date(doc.subDispatchBy)),
          }
        : {}),
      cameBack: doc.cameBack,
      extensionPending: doc.extensionPending,
      updatedAt: doc.updatedAt,
    };
  }
}
