import type {
  PollFrameEvent,
  PollInterviewEvent,
  PollQuestionnaire,
  PollRoundEvent,
  PollVerificationEvent,
  RecordedEvent,
} from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import { SurveyCollection } from '../read-models/survey-collections';

const { pollRounds: ROUNDS, pollFrameImports: IMPORTS, pollQuotas: QUOTAS } = SurveyCollection;
const { pollInterviews: INTERVIEWS, pollResults: RESULTS } = SurveyCollection;

type PollEvent = PollRoundEvent | PollFrameEvent | PollInterviewEvent | PollVerificationEvent;
interface InterviewDoc {
  roundId: string;
  district: string;
  frame: string;
  evaluations?: { unitId: string; answers: Record<string, string> }[];
}

const quotaId = (roundId: string, district: string, frame: string) => `${roundId}|${district}|${frame}`;
const resultId = (roundId: string, unitId: string) => `${roundId}|${unitId}`;
const seqOf = (interviewId: string) => Number(interviewId.slice(interviewId.lastIndexOf('.') + 1));

/**
 * The polls' read models: rounds, frame imports, quota progress, the call list and the results per
 * unit (answer counts and score sums per question, from which the queries make the weighted index).
 * Every write is guarded by the event's position, so a replay changes nothing.
 */
export const pollProjection = (): Projection => ({
  name: 'survey-polls',
  version: 1,
  collections: [ROUNDS, IMPORTS, QUOTAS, INTERVIEWS, RESULTS],
  filter: { streamPrefixes: ['pollRound-', 'pollFrame-', 'pollInterview-', 'pollVerification-'] },
  async setup(store: ReadStore) {
    await store.collection(INTERVIEWS).createIndex({ roundId: 1, status: 1, seq: 1 });
    await store.collection(INTERVIEWS).createIndex({ roundId: 1, interviewerId: 1, status: 1 });
    await store.collection(INTERVIEWS).createIndex({ roundId: 1, audit: 1, seq: 1 });
    await store.collection(QUOTAS).createIndex({ roundId: 1 });
    await store.collection(IMPORTS).createIndex({ roundId: 1, importedAt: 1 });
    await store.collection(RESULTS).createIndex({ roundId: 1 });
  },
  async handle(recorded: RecordedEvent, store: ReadStore, context: ProjectionContext) {
    const event = { type: recorded.type, data: recorded.data } as PollEvent;
    const at = recorded.time;
    switch (event.type) {
      case 'PollRoundDefined': {
        const { roundId, title, questionnaire, quotas, auditShare } = event.data;
        context.guardedUpdate(ROUNDS, roundId, {
          $set: { roundId, title, questionnaire, auditShare, status: 'defined', definedAt: at },
        });
        for (const { district, frame, count } of quotas)
          context.guardedUpdate(QUOTAS, quotaId(roundId, district, frame), {
            $set: { roundId, district, frame, target: count, available: 0, drawn: 0 },
            $inc: { taken: 0, completed: 0, notReached: 0, refused: 0 },
          });
        return;
      }
      case 'PollSampleDrawn': {
        const { roundId } = event.data;
        context.guardedUpdate(ROUNDS, roundId, {
          $set: { status: 'drawn', drawnAt: at, interviews: event.data.interviews },
        });
        for (const { district, frame, available, drawn } of event.data.quotas)
          context.guardedUpdate(QUOTAS, quotaId(roundId, district, frame), { $set: { available, drawn } });
        return;
      }
      case 'PollInterviewsListed':
        for (const { interviewId, ...entry } of event.data.interviews)
          context.guardedUpdate(INTERVIEWS, interviewId, {
            $set: {
              ...entry,
              interviewId,
              roundId: event.data.roundId,
              seq: seqOf(interviewId),
              status: 'pending',
              audit: false,
            },
          });
        return;
      case 'PollResultsPublished':
        context.guardedUpdate(ROUNDS, event.data.roundId, {
          $set: { status: 'published', publishedAt: at, verifyBy: event.data.verifyBy },
        });
        return;
      case 'SamplingFrameImported': {
        const { importId, ...data } = event.data;
        context.guardedUpdate(IMPORTS, importId, { $set: { ...data, importId, importedAt: at } });
        return;
      }
      case 'SamplingFrameEntriesAdded':
        return;
      case 'PollInterviewTaken': {
        const { interviewId, roundId, district, frame, interviewerId } = event.data;
        context.guardedUpdate(INTERVIEWS, interviewId, {
          $set: { status: 'taken', interviewerId, takenAt: at },
        });
        context.guardedUpdate(QUOTAS, quotaId(roundId, district, frame), { $inc: { taken: 1 } });
        return;
      }
      case 'PollInterviewCompleted':
        return completed(store, context, event.data, at);
      case 'PollInterviewFailed': {
        const { interviewId, failure } = event.data;
        context.guardedUpdate(INTERVIEWS, interviewId, { $set: { status: failure, outcomeAt: at } });
        const doc = await store.collection(INTERVIEWS).findOne<InterviewDoc>({ _id: interviewId });
        if (doc)
          context.guardedUpdate(QUOTAS, quotaId(doc.roundId, doc.district, doc.frame), {
            $inc: { [failure === 'refused' ? 'refused' : 'notReached']: 1 },
          });
        return;
      }
      case 'PollInterviewAudited':
        return audited(store, context, event.data, at);
      case 'PollResultsVerified': {
        const { roundId, unitId, agreed, response, late } = event.data;
        context.guardedUpdate(RESULTS, resultId(roundId, unitId), {
          $set: { roundId, unitId, verification: { agreed, late, at, ...(response ? { response } : {}) } },
        });
        return;
      }
      default: {
        const unknown: never = event;
        throw new Error(`unknown poll event ${JSON.stringify(unknown)}`);
      }
    }
  },
});

async function questionnaireOf(store: ReadStore, roundId: string): Promise<PollQuestionnaire | undefined> {
  const round = await store
    .collection(ROUNDS)
    .findOne<{ questionnaire: PollQuestionnaire }>({ _id: roundId });
  return round?.questionnaire;
}

/** Each unit's answers counted, with their scores (the scale's score of the chosen option). */
function countEvaluations(
  context: ProjectionContext,
  roundId: string,
  questionnaire: PollQuestionnaire,
  evaluations: NonNullable<InterviewDoc['evaluations']>,
  sign: 1 | -1,
): void {
  const scores = new Map(
    questionnaire.questions.map((q) => [q.questionId, new Map(q.options.map((o) => [o.key, o.score]))]),
  );
  for (const { unitId, answers } of evaluations) {
    const inc: Record<string, number> = { interviews: sign, ...(sign < 0 ? { excluded: 1 } : {}) };
    for (const [questionId, option] of Object.entries(answers)) {
      inc[`questions.${questionId}.answered`] = sign;
      inc[`questions.${questionId}.scoreSum`] = sign * (scores.get(questionId)?.get(option) ?? 0);
      inc[`questions.${questionId}.options.${option}`] = sign;
    }
    context.guardedUpdate(RESULTS, resultId(roundId, unitId), { $set: { roundId, unitId }, $inc: inc });
  }
}

async function completed(
  store: ReadStore,
  context: ProjectionContext,
  data: Extract<PollInterviewEvent, { type: 'PollInterviewCompleted' }>['data'],
  at: string,
): Promise<void> {
  const { interviewId, roundId, evaluations, comment, recordingId, audit } = data;
  context.guardedUpdate(INTERVIEWS, interviewId, {
    $set: {
      status: 'completed',
      evaluations,
      audit,
      outcomeAt: at,
      ...(comment ? { comment } : {}),
      ...(recordingId ? { recordingId } : {}),
    },
  });
  const doc = await store.collection(INTERVIEWS).findOne<InterviewDoc>({ _id: interviewId });
  if (doc)
    context.guardedUpdate(QUOTAS, quotaId(roundId, doc.district, doc.frame), { $inc: { completed: 1 } });
  const questionnaire = await questionnaireOf(store, roundId);
  if (questionnaire) countEvaluations(context, roundId, questionnaire, evaluations, 1);
}

/** An interview the audit did not uphold (不属实) leaves the results. */
async function audited(
  store: ReadStore,
  context: ProjectionContext,
  data: Extract<PollInterviewEvent, { type: 'PollInterviewAudited' }>['data'],
  at: string,
): Promise<void> {
  const { interviewId, roundId, upheld, note } = data;
  context.guardedUpdate(INTERVIEWS, interviewId, {
    $set: { audited: true, upheld, auditedAt: at, ...(note ? { auditNote: note } : {}) },
  });
  if (upheld) return;
  const doc = await store.collection(INTERVIEWS).findOne<InterviewDoc>({ _id: interviewId });
  const questionnaire = await questionnaireOf(store, roundId);
  if (doc?.evaluations && questionnaire)
    countEvaluations(context, roundId, questionnaire, doc.evaluations, -1);
}
