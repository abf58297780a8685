import type { RecordedEvent } from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import { caseStatics, taskFields, viewOfDocument } from './case-documents';
import { changedTasks } from './case-tasks';
import { applyCaseEvent, type CaseView } from './case-view';
import { CASES, UNIT_TASKS, taskDocumentId } from '../../read-models/read-model-collections';

const DEFAULT_CACHE_SIZE = 10_000;

/**
 * Cases (detail, search, citizen view, center counts) and units' tasks (inboxes), one document per
 * case and one per case and unit. Each event is applied to the case's previous view; the views of
 * recent cases stay in a bounded cache so that most events need no read.
 *
 * The cache is only trusted for events after the position it reflects. An event at or before it
 * means a replay (after a failed batch, or a rebuild): the view is read back from the store, and an
 * event the stored document already reflects (`_pos`) is skipped. This assumes, as the runner does,
 * that one process applies a projection's events at a time.
 */
export function casesProjection(options: { cacheSize?: number } = {}): Projection {
  const cacheSize = options.cacheSize ?? DEFAULT_CACHE_SIZE;
  const cache = new Map<string, { view: CaseView; position: number }>();

  const remember = (view: CaseView, position: number): void => {
    cache.delete(view.caseId);
    cache.set(view.caseId, { view, position });
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
  };

  const previousView = async (
    caseId: string,
    position: number,
    store: ReadStore,
  ): Promise<CaseView | 'applied' | undefined> => {
    const cached = cache.get(caseId);
    if (cached && cached.position < position) return cached.view;
    cache.delete(caseId);
    const doc = await store.collection(CASES).findOne<Record<string, unknown>>({ _id: caseId });
    if (!doc) return undefined;
    return typeof doc._pos === 'number' && doc._pos >= position ? 'applied' : viewOfDocument(doc);
  };

  return {
    name: 'workflow-cases',
    // 2: sub-dispatch windows and repeat contacts in the documents; 3: awaiting a callback, the
    // caller's phone and name for searches, reported to leaders and instructed.
    version: 3,
    collections: [CASES, UNIT_TASKS],
    filter: { streamPrefixes: ['case-'] },
    async setup(store) {
      const cases = store.collection(CASES);
      for (const field of [
        'caseNumber',
        'districtId',
        'status',
        'unitIds',
        'tokens',
        'categoryPath',
        'registeredAt',
        'deadlineAt',
        'citizenPhone',
        'citizenName',
        // The type, deadline and reply flags: searches by colour, overdue or type stay in the indexes.
        'type',
        'hasDeadline',
        'replied',
      ]) {
        await cases.createIndex({ [field]: 1 });
      }
      // A filter value and the sort key of the searches that page through many matches: stores
      // that read such an index in order answer a page without sorting every match.
      for (const [filter, sort] of [
        ['categoryPath', 'registeredAt'],
        ['districtId', 'registeredAt'],
        ['districtId', 'deadlineAt'],
        ['unitIds', 'registeredAt'],
      ] as const) {
        await cases.createIndex({ [filter]: 1, [sort]: 1 });
      }
      const tasks = store.collection(UNIT_TASKS);
      await tasks.createIndex({ unitId: 1 });
      await tasks.createIndex({ caseId: 1 });
    },
    async handle(event: RecordedEvent, store: ReadStore, context: ProjectionContext) {
      const caseId = (event.data as { caseId: string }).caseId;
      const registration = event.type === 'CaseRegistered';
      const previous = registration ? undefined : await previousView(caseId, event.position, store);
      if (previous === 'applied') return;
      const view = applyCaseEvent(previous, event);
      if (!view) return;
      context.guardedUpdate(CASES, caseId, {
        $set: registration ? { ...view, ...caseStatics(event) } : { ...view },
      });
      for (const task of changedTasks(previous?.tasks ?? [], view.tasks)) {
        context.guardedUpdate(UNIT_TASKS, taskDocumentId(caseId, task.unitId), {
          $set: taskFields(view, task),
        });
      }
      remember(view, event.position);
    },
  };
}
