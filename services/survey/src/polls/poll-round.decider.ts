import {
  POLL_ROUND_CATEGORY,
  ValidationError,
  pollRoundCommands,
  pollRoundEvents,
  type PollFrame,
  type PollFrameEntry,
  type PollQuestionnaire,
  type PollQuota,
  type PollRoundCommand,
  type PollRoundEvent,
  type WorkingCalendar,
} from '@hotline/contracts';
import { defineAggregate, type DecideContext, type Decider } from '@hotline/infra/command';
import { ORGANISERS, PollError, PollRuleViolation, requireRole } from './poll.errors';
import { MAX_PROMPT_CHARS, questionPrompt } from './poll-ivr-call';
import { sampleByQuota } from './systematic-sample';

/** The units evaluated must answer within three working days of the publication (seed 000 篇二 4). */
export const VERIFY_WORKING_DAYS = 3;
/** Numbers per call-list event: keeps each event far below the bus's message size. */
export const INTERVIEWS_PER_EVENT = 500;

export interface PollRoundState {
  round?: {
    title: string;
    questionnaire: PollQuestionnaire;
    quotas: PollQuota[];
    seed: string;
    auditShare: number;
  };
  drawn: boolean;
  verifyBy?: string;
  /** The robot's calling (automated IVR interviews), once started. */
  ivr?: { running: boolean; frames?: PollFrame[]; attempts: number };
}

export interface PollRoundContext {
  calendar: WorkingCalendar;
  /** Each frame's numbers in import order (for the draw only). */
  frames?: Partial<Record<PollFrame, PollFrameEntry[]>>;
}

function duplicate<T>(items: readonly T[], key: (item: T) => string): number {
  const seen = new Set<string>();
  return items.findIndex((item) => {
    const k = key(item);
    if (seen.has(k)) return true;
    seen.add(k);
    return false;
  });
}

/** Names the first repeated id of the questionnaire or quotas. */
function checkDefinition(questionnaire: PollQuestionnaire, quotas: readonly PollQuota[]): void {
  const unit = duplicate(questionnaire.units, (u) => u.unitId);
  if (unit >= 0) throw new ValidationError(`questionnaire.units[${unit}].unitId`, 'is listed twice');
  const question = duplicate(questionnaire.questions, (q) => q.questionId);
  if (question >= 0)
    throw new ValidationError(`questionnaire.questions[${question}].questionId`, 'is listed twice');
  questionnaire.questions.forEach((q, i) => {
    const option = duplicate(q.options, (o) => o.key);
    if (option >= 0)
      throw new ValidationError(`questionnaire.questions[${i}].options[${option}].key`, 'is listed twice');
  });
  const quota = duplicate(quotas, (q) => `${q.district}|${q.frame}`);
  if (quota >= 0) throw new ValidationError(`quotas[${quota}]`, 'repeats a district and frame');
}

/** Every question, about the unit with the longest name, fits in one spoken prompt of the robot. */
function checkPromptsFit(questionnaire: PollQuestionnaire): void {
  const longest = questionnaire.units.reduce((a, u) => (u.name.length > a.length ? u.name : a), '');
  questionnaire.questions.forEach((question, i) => {
    const length = questionPrompt(longest, question).length;
    if (length > MAX_PROMPT_CHARS)
      throw new PollRuleViolation(
        PollError.PromptTooLong,
        `question ${question.questionId} (questionnaire.questions[${i}]) is ${length} characters when read with its options and the longest unit name; the IVR reads at most ${MAX_PROMPT_CHARS}`,
      );
  });
}

function decide(
  command: PollRoundCommand,
  state: PollRoundState,
  context: DecideContext & PollRoundContext,
): PollRoundEvent[] {
  requireRole(context.actor, ORGANISERS, 'run a poll round');
  const { roundId } = command.data;
  if (command.type === 'DefinePollRound') {
    if (state.round) {
      throw new PollRuleViolation(PollError.RoundExists, `poll round ${roundId} is already defined`);
    }
    checkDefinition(command.data.questionnaire, command.data.quotas);
    return [{ type: 'PollRoundDefined', data: command.data }];
  }
  const round = state.round;
  if (!round) throw new PollRuleViolation(PollError.RoundNotFound, `poll round ${roundId} was not found`);
  switch (command.type) {
    case 'DrawPollSample':
      return state.drawn ? [] : draw(roundId, round, context.frames ?? {});
    case 'PublishPollResults': {
      if (!state.drawn)
        throw new PollRuleViolation(PollError.SampleNotDrawn, `poll round ${roundId} has no sample yet`);
      if (state.verifyBy) return [];
      const verifyBy = context.calendar.addWorkingDays(context.now, VERIFY_WORKING_DAYS).toISOString();
      return [{ type: 'PollResultsPublished', data: { roundId, verifyBy } }];
    }
    case 'StartPollIvr': {
      if (!state.drawn)
        throw new PollRuleViolation(PollError.SampleNotDrawn, `poll round ${roundId} has no sample yet`);
      checkPromptsFit(round.questionnaire);
      const { frames, attempts } = command.data;
      const same =
        state.ivr?.running === true &&
        state.ivr.attempts === attempts &&
        [...(state.ivr.frames ?? [])].sort().join() === [...(frames ?? [])].sort().join();
      return same ? [] : [{ type: 'PollIvrStarted', data: command.data }];
    }
    case 'PausePollIvr':
      return state.ivr?.running ? [{ type: 'PollIvrPaused', data: { roundId } }] : [];
    default: {
      const unknown: never = command;
      throw new Error(`unknown poll round command ${JSON.stringify(unknown)}`);
    }
  }
}

/** The sample of every quota, numbered in quota order: `<roundId>.<n>` from 1. */
function draw(
  roundId: string,
  round: NonNullable<PollRoundState['round']>,
  frames: Partial<Record<PollFrame, PollFrameEntry[]>>,
): PollRoundEvent[] {
  if (Object.values(frames).every((entries) => !entries?.length))
    throw new PollRuleViolation(PollError.FramesEmpty, `poll round ${roundId} has no imported numbers`);
  const samples = sampleByQuota(frames as Record<string, PollFrameEntry[]>, round.quotas, round.seed);
  const interviews = samples.flatMap(({ quota, sample }) =>
    sample.map((entry) => ({ ...entry, frame: quota.frame as PollFrame })),
  );
  const events: PollRoundEvent[] = [
    {
      type: 'PollSampleDrawn',
      data: {
        roundId,
        quotas: samples.map(({ quota, available, sample }) => ({
          ...(quota as PollQuota),
          available,
          drawn: sample.length,
        })),
        interviews: interviews.length,
      },
    },
  ];
  for (let from = 0; from < interviews.length; from += INTERVIEWS_PER_EVENT) {
    const chunk = interviews
      .slice(from, from + INTERVIEWS_PER_EVENT)
      .map((entry, i) => ({ interviewId: `${roundId}.${from + i + 1}`, ...entry }));
    events.push({ type: 'PollInterviewsListed', data: { roundId, interviews: chunk } });
  }
  return events;
}

function evolve(state: PollRoundState, event: PollRoundEvent): PollRoundState {
  switch (event.type) {
    case 'PollRoundDefined': {
      const { title, questionnaire, quotas, seed, auditShare } = event.data;
      return { ...state, round: { title, questionnaire, quotas, seed, auditShare } };
    }
    case 'PollSampleDrawn':
      return { ...state, drawn: true };
    case 'PollInterviewsListed':
      return state;
    case 'PollResultsPublished':
      return { ...state, verifyBy: event.data.verifyBy };
    case 'PollIvrStarted': {
      const { frames, attempts } = event.data;
      return { ...state, ivr: { running: true, attempts, ...(frames ? { frames } : {}) } };
    }
    case 'PollIvrPaused':
      return state.ivr ? { ...state, ivr: { ...state.ivr, running: false } } : state;
    default: {
      const unknown: never = event;
      throw new Error(`unknown poll round event ${JSON.stringify(unknown)}`);
    }
  }
}

/** A poll round (`pollRound-<roundId>`): defined once, its sample drawn once, published once. */
export const pollRoundDecider: Decider<PollRoundCommand, PollRoundEvent, PollRoundState, PollRoundContext> = {
  initialState: () => ({ drawn: false }),
  evolve,
  decide,
};

export const pollRoundAggregate = defineAggregate({
  category: POLL_ROUND_CATEGORY,
  decider: pollRoundDecider,
  events: pollRoundEvents,
  commands: pollRoundCommands,
});
