import {
  CITY_DISTRICT,
  HotlineError,
  WorkflowRole,
  type CaseAuditEntry,
  type CaseAuditPage,
  type ListCaseAuditTrail,
} from '@hotline/contracts';
import type { Filter } from '@hotline/infra/read-store';
import type { z } from 'zod';
import { CASES, CASE_TIMELINE } from '../../read-models/read-model-collections';
import type { WorkflowQueryDeps } from './case-query.service';
import { timelineEntryOf, type TimelineDocument } from './timeline-entry';

type AuditQuery = z.infer<(typeof ListCaseAuditTrail)['schema']>;

const isoZ = (instant: string): string => new Date(instant).toISOString();

/** The read-store filter of an audit query within the viewer's district. */
export function auditFilter(query: AuditQuery): Filter {
  const and: Filter[] = [];
  if (query.viewer.districtId !== CITY_DISTRICT) and.push({ districtId: query.viewer.districtId });
  if (query.who !== undefined) {
    const who = query.who;
    and.push({ $or: [{ actorId: who }, { actorId: `user:${who}` }, { actorName: who }] });
  }
  if (query.type !== undefined) and.push({ type: query.type });
  if (query.from !== undefined || query.to !== undefined) {
    and.push({
      at: {
        ...(query.from !== undefined ? { $gte: isoZ(query.from) } : {}),
        ...(query.to !== undefined ? { $lte: isoZ(query.to) } : {}),
      },
    });
  }
  return and.length > 0 ? { $and: and } : {};
}

/**
 * The case events as an audit trail (the event log is the audit log): for the center's roles only
 * (auditors act as the center), newest first, each with its case number.
 */
export class AuditTrailService {
  constructor(private readonly deps: Pick<WorkflowQueryDeps, 'store' | 'readModels' | 'settings'>) {}

  async list(query: AuditQuery): Promise<CaseAuditPage> {
    if (query.viewer.actor.role !== WorkflowRole.Center) {
      throw new HotlineError('forbidden', 'CASE_READ_FORBIDDEN', 'only the center may read the audit trail');
    }
    const { store, readModels, settings } = this.deps;
    await readModels.waitFor(query.minPosition, settings.readAfterWriteTimeoutMs);
    const filter = auditFilter(query);
    const timeline = store.collection(CASE_TIMELINE);
    const [total, docs] = await Promise.all([
      timeline.countDocuments(filter),
      timeline.find<TimelineDocument>(filter, {
        sort: { at: -1, revision: -1 },
        skip: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      }),
    ]);
    const caseIds = [...new Set(docs.map((doc) => doc.caseId))];
    const cases =
      caseIds.length === 0
        ? []
        : await store
            .collection(CASES)
            .find<{ _id: string; caseNumber: string }>(
              { _id: { $in: caseIds } },
              { projection: { caseNumber: 1 } },
            );
    const numbers = new Map(cases.map((c) => [c._id, c.caseNumber]));
    const items = docs.map((doc): CaseAuditEntry => {
      const caseNumber = numbers.get(doc.caseId);
      return {
        ...timelineEntryOf(doc),
        caseId: doc.caseId,
        ...(caseNumber !== undefined ? { caseNumber } : {}),
      };
    });
    return { total, page: query.page, pageSize: query.pageSize, items };
  }
}
