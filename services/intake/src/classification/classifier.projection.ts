import type { CaseEvent, HistoricalCaseEvent, RecordedEvent } from '@hotline/contracts';
import type { Projection } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import { CATEGORY_EVENTS, type EffectiveCategories } from './effective-categories';

/** Per case: its text with the type and category the agent registered, and the unit that replied. */
export const CLASSIFIER_HISTORY = 'intake_classifier_history';
/** Per category the city retired or reactivated: whether it is retired now. */
export const RETIRED_CATEGORIES = 'intake_retired_categories';

/** The case events the classifier learns from, and the cases imported from a previous system. */
const HISTORY_EVENTS: string[] = ['CaseRegistered', 'CaseReplied', 'HistoricalCaseImported'];

type HistoricalCaseImported = Extract<HistoricalCaseEvent, { type: 'HistoricalCaseImported' }>['data'];

/** Enough of a case's text to learn from (the features read no further). */
const TEXT_KEPT = 1000;

/**
 * What the classifier learns from the workflow, kept in the read store: the labelled history it
 * trains on, and the categories the city retired (also applied at once to this process's
 * effective categories, loaded from the store at start). Applying an event twice changes nothing.
 */
export function classifierProjection(categories: EffectiveCategories): Projection {
  return {
    name: 'intake-classifier',
    version: 1,
    collections: [CLASSIFIER_HISTORY, RETIRED_CATEGORIES],
    filter: { eventTypes: [...HISTORY_EVENTS, ...CATEGORY_EVENTS] },
    async setup(store) {
      await store.collection(CLASSIFIER_HISTORY).createIndex({ registeredAt: 1 });
    },
    handle(event: RecordedEvent, _store, context) {
      if (CATEGORY_EVENTS.includes(event.type)) {
        const { code } = event.data as { code: string };
        categories.apply(event);
        context.guardedUpdate(RETIRED_CATEGORIES, code, {
          $set: { retired: event.type === 'CategoryRetired' },
        });
        return Promise.resolve();
      }
      if (event.type === 'HistoricalCaseImported') {
        const { sourceId, content, type, categoryCode, unitId, registeredAt } =
          event.data as HistoricalCaseImported;
        context.guardedUpdate(CLASSIFIER_HISTORY, `imported-${sourceId}`, {
          $set: {
            text: content.slice(0, TEXT_KEPT),
            type,
            categoryCode,
            unitId,
            registeredAt,
            imported: true,
          },
        });
        return Promise.resolve();
      }
      const caseEvent = { type: event.type, data: event.data } as CaseEvent;
      if (caseEvent.type === 'CaseRegistered') {
        const { caseId, content, type, categoryCode } = caseEvent.data;
        context.guardedUpdate(CLASSIFIER_HISTORY, caseId, {
          $set: { text: content.slice(0, TEXT_KEPT), type, categoryCode, registeredAt: event.time },
        });
      } else if (caseEvent.type === 'CaseReplied') {
        context.guardedUpdate(CLASSIFIER_HISTORY, caseEvent.data.caseId, {
          $set: { unitId: caseEvent.data.unitId },
        });
      }
      return Promise.resolve();
    },
  };
}

/** Puts the categories the city retired into this process's effective categories (at start). */
export async function loadRetiredCategories(
  store: ReadStore,
  categories: EffectiveCategories,
): Promise<void> {
  const retired = await store
    .collection<{ _id: string; retired: boolean }>(RETIRED_CATEGORIES)
    .find({ retired: true });
  for (const { _id } of retired) categories.apply({ type: 'CategoryRetired', data: { code: _id } });
}
