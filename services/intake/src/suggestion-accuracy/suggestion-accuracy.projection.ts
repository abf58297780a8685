import type { CaseEvent, ContactEvent, RecordedEvent } from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { ReadDocument, ReadStore } from '@hotline/infra/read-store';
import { weekOf } from './week-of';

/** Per contact: what the classifier suggested, and whether the case it became was judged. */
export const SUGGESTIONS = 'intake_suggestions';
/** Per case from a contact with a suggestion: the contact and the unit suggested, until its reply is judged. */
export const SUGGESTED_CASES = 'intake_suggested_cases';
/** Per week (its Monday) and district: the counts of suggestions judged against agents' final choices. */
export const SUGGESTION_WEEKS = 'intake_suggestion_weeks';

export interface SuggestionDocument extends ReadDocument {
  week: string;
  districtId: string;
  type?: string;
  categoryCode?: string;
  categories: string[];
  unitId?: string;
  /** The position of the CaseRegistered that judged it. */
  judgedAt?: number;
}

export interface SuggestedCaseDocument extends ReadDocument {
  week: string;
  districtId: string;
  unitId?: string;
  /** The position of the CaseReplied that judged the unit. */
  unitJudgedAt?: number;
}

export interface SuggestionWeekDocument extends ReadDocument {
  week: string;
  districtId: string;
  cases?: number;
  typeRight?: number;
  categoryRight?: number;
  categoryTop3Right?: number;
  unitJudged?: number;
  unitRight?: number;
}

const EVENTS = ['ContactAssessed', 'CaseRegistered', 'CaseReplied'];

const weekKey = (of: { week: string; districtId: string }) => `${of.week}:${of.districtId}`;

const one = (right: boolean) => (right ? 1 : 0);

/**
 * Judged already by another event (a later case of the same contact, a second reply): counted
 * once. The same event again (a replay) writes again, and the guards keep the counts as they are.
 */
const judgedByAnother = (judgedAt: number | undefined, context: ProjectionContext) =>
  judgedAt !== undefined && judgedAt !== null && judgedAt !== context.position;

/**
 * The weekly accuracy of the classifier's suggestions against what agents finally chose: a
 * contact's suggestion (ContactAssessed) is judged when the case it became is registered
 * (CaseRegistered names the contact: the type and category the agent chose), its unit when the
 * case's lead unit replies (CaseReplied, the first reply). Each is counted once, in the week the
 * contact was assessed; the counts are guarded, so a replayed event adds nothing.
 */
export const suggestionAccuracyProjection = (): Projection => ({
  name: 'intake-suggestion-accuracy',
  version: 1,
  collections: [SUGGESTIONS, SUGGESTED_CASES, SUGGESTION_WEEKS],
  filter: { eventTypes: EVENTS },
  async setup(store) {
    await store.collection(SUGGESTION_WEEKS).createIndex({ week: -1 });
  },
  async handle(event: RecordedEvent, store: ReadStore, context: ProjectionContext) {
    const typed = { type: event.type, data: event.data } as ContactEvent | CaseEvent;
    if (typed.type === 'ContactAssessed') {
      const suggestion = typed.data.classification;
      if (!suggestion.type) return;
      context.guardedUpdate(SUGGESTIONS, typed.data.contactId, {
        $set: {
          week: weekOf(event.time),
          districtId: event.metadata.districtId,
          type: suggestion.type,
          categoryCode: suggestion.categoryCode ?? null,
          categories: (suggestion.categories ?? []).map((c) => c.code),
          unitId: suggestion.unit?.unitId ?? null,
        },
      });
    } else if (typed.type === 'CaseRegistered') {
      const { contactId, caseId, type, categoryCode } = typed.data;
      if (!contactId) return;
      const suggestion = await store.collection<SuggestionDocument>(SUGGESTIONS).findOne({ _id: contactId });
      if (!suggestion || judgedByAnother(suggestion.judgedAt, context)) return;
      context.guardedUpdate(SUGGESTIONS, contactId, { $set: { judgedAt: context.position } });
      context.guardedUpdate(SUGGESTED_CASES, caseId, {
        $set: { week: suggestion.week, districtId: suggestion.districtId, unitId: suggestion.unitId ?? null },
      });
      context.guardedUpdate(SUGGESTION_WEEKS, weekKey(suggestion), {
        $set: { week: suggestion.week, districtId: suggestion.districtId },
        $inc: {
          cases: 1,
          typeRight: one(suggestion.type === type),
          categoryRight: one(suggestion.categoryCode === categoryCode),
          categoryTop3Right: one(
            suggestion.categoryCode === categoryCode || suggestion.categories.includes(categoryCode),
          ),
        },
      });
    } else if (typed.type === 'CaseReplied') {
      const { caseId, unitId } = typed.data;
      const suggested = await store
        .collection<SuggestedCaseDocument>(SUGGESTED_CASES)
        .findOne({ _id: caseId });
      if (!suggested || judgedByAnother(suggested.unitJudgedAt, context)) return;
      context.guardedUpdate(SUGGESTED_CASES, caseId, { $set: { unitJudgedAt: context.position } });
      context.guardedUpdate(SUGGESTION_WEEKS, weekKey(suggested), {
        $set: { week: suggested.week, districtId: suggested.districtId },
        $inc: { unitJudged: 1, unitRight: one(suggested.unitId === unitId) },
      });
    }
  },
});
