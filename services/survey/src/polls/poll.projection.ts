import {
  POLL_IVR_INTERVIEWER as IVR,
  type PollFrameEvent,
  type PollInterviewEvent,
  type PollQuestionnaire,
  type PollRoundEvent,
  type PollVerificationEvent,
  type RecordedEvent,
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
  interviewerId?: string;
  evaluations?: { unitId: string; answers: Record<string, string> }[];
}

const IVR_PROGRESS_ZERO = Object.fromEntries(
  ['calls', 'inFlight', 'answered', 'unreachable', 'refused'].map((k) => [`ivrProgress.${k}`, 0]),
);

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
        // The robot's numbers are due for their first call at once, then after each failed one.
        const robot = interviewerId === IVR ? { callOpen: false, dueAt: at, attempt: 0 } : {};
        context.guardedUpdate(INTERVIEWS, interviewId, {
          $set: { status: 'taken', interviewerId, takenAt: at, ...robot },
        });
        context.guardedUpdate(QUOTAS, quotaId(roundId, district, frame), { $inc: { taken: 1 } });
        return;
      }
      case 'PollInterviewCompleted':
        return completed(store, context, event.data, at);
      case 'PollInterviewFailed': {
        const { interviewId, failure } = event.data;
        context.guardedUpdate(INTERVIEWS, interviewId, {
          $set: { status: failure, outcomeAt: at, callOpen: false },
        });
        const doc = await store.collection(INTERVIEWS).findOne<InterviewDoc>({ _id: interviewId });
        if (!doc) return;
        context.guardedUpdate(QUOTAS, quotaId(doc.roundId, doc.district, doc.frame), {
          $inc: { [failure === 'refused' ? 'refused' : 'notReached']: 1 },
        });
        // The robot's refusal ends its open call; its unreachable number's last call ended before.
        if (doc.interviewerId === IVR)
          context.guardedUpdate(ROUNDS, doc.roundId, {
            $inc:
              failure === 'refused'
                ? { 'ivrProgress.refused': 1, 'ivrProgress.inFlight': -1 }
                : { 'ivrProgress.unreachable': 1 },
          });
        return;
      }
      case 'PollIvrStarted': {
        const { roundId, frames, attempts } = event.data;
        context.guardedUpdate(ROUNDS, roundId, {
          $set: { ivr: { running: true, attempts, frames: frames ?? [], since: at } },
          $inc: IVR_PROGRESS_ZERO,
        });
        return;
      }
      case 'PollIvrPaused':
        context.guardedUpdate(ROUNDS, event.data.roundId, {
          $set: { 'ivr.running': false, 'ivr.since': at },
        });
        return;
      case 'PollInterviewCallPlaced': {
        const { roundId, interviewId, callId, attempt } = event.data;
        context.guardedUpdate(INTERVIEWS, interviewId, { $set: { callOpen: true, callId, attempt } });
        context.guardedUpdate(ROUNDS, roundId, {
          $inc: { 'ivrProgress.calls': 1, 'ivrProgress.inFlight': 1 },
        });
        return;
      }
      case 'PollInterviewCallFailed': {
        const { roundId, interviewId, outcome, retryAt } = event.data;
        context.guardedUpdate(INTERVIEWS, interviewId, {
          $set: { callOpen: false, lastCallOutcome: outcome, ...(retryAt ? { dueAt: retryAt } : {}) },
        });
        context.guardedUpdate(ROUNDS, roundId, { $inc: { 'ivrProgress.inFlight': -1 } });
        return;
      }
      case 'PollDisputeAnswered':
        return disputeAnswered(store, context, event.data, at);
      case 'PollInterviewAudited':
        return audited(store, context, event.data, at);
      case 'PollResultsVerified': {
        const { roundId, unitId, agreed, response, late } = event.data;
        context.guardedUpdate(RESULTS, resultId(roundId, unitId), {
          $set: {
            roundId,
            unitId,
            'verification.agreed': agreed,
            'verification.late': late,
            'verification.at': at,
            ...(response ? { 'verification.response': response } : {}),
          },
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

/** One unit's answers as counter increments: per question answered, its score and its option. */
function tally(
  questionnaire: PollQuestionnaire | undefined,
  answers: Record<string, string>,
  sign: 1 | -1,
): Record<string, number> {
  const inc: Record<string, number> = {};
  for (const [questionId, option] of Object.entries(answers)) {
    const score = questionnaire?.questions
      .find((q) => q.questionId === questionId)
      ?.options.find((o) => o.key === option)?.score;
    inc[`questions.${questionId}.answered`] = sign;
    inc[`questions.${questionId}.scoreSum`] = sign * (score ?? 0);
    inc[`questions.${questionId}.options.${option}`] = sign;
  }
  return inc;
}

/** Each unit's answers counted, with their scores (the scale's score of the chosen option). */
function countEvaluations(
  context: ProjectionContext,
  roundId: string,
  questionnaire: PollQuestionnaire,
  evaluations: NonNullable<InterviewDoc['evaluations']>,
  sign: 1 | -1,
): void {
  for (const { unitId, answers } of evaluations) {
    const inc = {
      interviews: sign,
      ...(sign < 0 ? { excluded: 1 } : {}),
      ...tally(questionnaire, answers, sign),
    };
    context.guardedUpdate(RESULTS, resultId(roundId, unitId), { $set: { roundId, unitId }, $inc: inc });
  }
}

async function completed(
  store: ReadStore,
  context: ProjectionContext,
  data: Extract<PollInterviewEvent, { type: 'PollInterviewCompleted' }>['data'],
  at: string,
): Promise<void> {
  const { interviewId, roundId, evaluations, comment, recordingId, callId, audit } = data;
  context.guardedUpdate(INTERVIEWS, interviewId, {
    $set: {
      status: 'completed',
      evaluations,
      audit,
      outcomeAt: at,
      ...(comment ? { comment } : {}),
      ...(recordingId ? { recordingId } : {}),
      ...(callId ? { callId, answeredBy: 'ivr', callOpen: false } : {}),
    },
  });
  if (callId)
    context.guardedUpdate(ROUNDS, roundId, {
      $inc: { 'ivrProgress.answered': 1, 'ivrProgress.inFlight': -1 },
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

/**
 * The center's reply to a dispute (二次终审) on the unit's row; an accepted one takes the struck
 * answers out of the unit's counts and swaps the corrected ones (one update of the row), and the
 * interviews keep their answers as they now count (an audit later takes out what is left).
 */
async function disputeAnswered(
  store: ReadStore,
  context: ProjectionContext,
  data: Extract<PollVerificationEvent, { type: 'PollDisputeAnswered' }>['data'],
  at: string,
): Promise<void> {
  const { roundId, unitId, decision, reasons, struck, corrected } = data;
  const questionnaire = await questionnaireOf(store, roundId);
  const inc: Record<string, number> = {};
  const add = (answers: Record<string, string>, sign: 1 | -1) => {
    for (const [key, value] of Object.entries(tally(questionnaire, answers, sign)))
      inc[key] = (inc[key] ?? 0) + value;
  };
  for (const { previous } of struck) add(previous, -1);
  for (const { previous, answers } of corrected) {
    add(previous, -1);
    add(answers, 1);
  }
  if (struck.length) {
    inc.interviews = -struck.length;
    inc.excluded = struck.length;
  }
  const reply = { decision, reasons, at, struck: struck.length, corrected: corrected.length };
  context.guardedUpdate(RESULTS, resultId(roundId, unitId), {
    $set: { roundId, unitId, 'verification.reply': reply },
    ...(Object.keys(inc).length ? { $inc: inc } : {}),
  });
  const replaced = new Map<string, Record<string, string> | undefined>([
    ...struck.map(({ interviewId }) => [interviewId, undefined] as const),
    ...corrected.map(({ interviewId, answers }) => [interviewId, answers] as const),
  ]);
  for (const [interviewId, answers] of replaced) {
    const doc = await store.collection(INTERVIEWS).findOne<InterviewDoc>({ _id: interviewId });
    const evaluations = (doc?.evaluations ?? []).flatMap((e) =>
      e.unitId !== unitId ? [e] : answers ? [{ unitId, answers }] : [],
    );
    context.guardedUpdate(INTERVIEWS, interviewId, {
      $set: { evaluations, [`disputed.${unitId}`]: answers ? 'corrected' : 'struck' },
    });
  }
}
