import {
  PollFrame,
  type CommandDefinition,
  type pollFrameCommands,
  type pollInterviewCommands,
  type pollRoundCommands,
  type pollVerificationCommands,
  type PollFrameEntry,
  type PollRoundEvent,
  type WorkingCalendar,
} from '@hotline/contracts';
import {
  handleCommand,
  type CommandHandlerDeps,
  type CommandResult,
  type ParsedCommand,
} from '@hotline/infra/command';
import type { Filter } from '@hotline/infra/read-store';
import { SurveyCollection } from '../read-models/survey-collections';
import type { SurveyReadModels } from '../read-models/survey-read-models';
import { FrameStreamCache } from './frame-stream-cache';
import { pollFrameAggregate } from './poll-frame.decider';
import {
  pollInterviewAggregate,
  type PollCandidate,
  type PollInterviewContext,
} from './poll-interview.decider';
import { pollRoundAggregate } from './poll-round.decider';
import { disputedInterviews } from './disputed-interviews';
import { pollVerificationAggregate, type PollVerificationContext } from './poll-verification.decider';
import { PollError, PollRuleViolation } from './poll.errors';

type Command<L extends readonly CommandDefinition[]> = ParsedCommand<L[number]>;

/** Candidates tried per take: enough that interviewers racing for the same numbers each get one. */
const CANDIDATES_PER_TAKE = 20;

export const roundOfInterview = (interviewId: string): string =>
  interviewId.slice(0, interviewId.lastIndexOf('.'));

/** Handles the poll commands; what a decision needs from other streams comes in its context. */
export class PollCommands {
  /** The frames folded in memory: a part's import reads only what is new in its frame's stream. */
  private readonly frameStreams = new FrameStreamCache();

  constructor(
    private readonly deps: {
      commandDeps: CommandHandlerDeps;
      calendar: WorkingCalendar;
      readModels: SurveyReadModels;
      /** How long after the robot's failed call the next is due. */
      ivrRetryMinutes?: number;
    },
  ) {}

  private get store() {
    return this.deps.commandDeps.store;
  }

  round(command: Command<typeof pollRoundCommands>): Promise<CommandResult> {
    const { roundId } = command.data;
    const context = async () => ({
      calendar: this.deps.calendar,
      ...(command.type === 'DrawPollSample' ? { frames: await this.frames(roundId) } : {}),
    });
    return handleCommand(this.deps.commandDeps, {
      aggregate: pollRoundAggregate,
      id: roundId,
      command,
      context,
    });
  }

  /** Each frame's numbers in import order, read from the frame streams. */
  private async frames(roundId: string): Promise<Partial<Record<PollFrame, PollFrameEntry[]>>> {
    const frames: Partial<Record<PollFrame, PollFrameEntry[]>> = {};
    for (const frame of PollFrame.options) {
      const events = await this.store.readStreamOrEmpty(pollFrameAggregate.streamId(`${roundId}.${frame}`));
      frames[frame] = events.flatMap((event) =>
        event.type === 'SamplingFrameEntriesAdded'
          ? (event.data as { entries: PollFrameEntry[] }).entries
          : [],
      );
    }
    return frames;
  }

  frame(command: Command<typeof pollFrameCommands>): Promise<CommandResult> {
    const { roundId, frame } = command.data as { roundId: string; frame: string };
    const context = async () => {
      const { state } = await pollRoundAggregate.load(this.store, roundId);
      return { round: { defined: state.round !== undefined, drawn: state.drawn } };
    };
    return handleCommand(this.deps.commandDeps, {
      aggregate: this.frameStreams.aggregate(command.commandId),
      id: `${roundId}.${frame}`,
      command,
      context,
    });
  }

  interview(command: Command<typeof pollInterviewCommands>): Promise<CommandResult> {
    if (command.type === 'TakeNextPollInterview') return this.takeNext(command);
    const { interviewId } = command.data as { interviewId: string };
    const context = async (): Promise<PollInterviewContext> => {
      const ivrRetryMinutes = this.deps.ivrRetryMinutes;
      if (command.type !== 'RecordPollInterview' && command.type !== 'RecordPollInterviewCall')
        return { ivrRetryMinutes };
      // The definition is the round's first event: one event read, however long the call list.
      const [first] = await this.store.readStreamOrEmpty(
        pollRoundAggregate.streamId(roundOfInterview(interviewId)),
        { maxCount: 1 },
      );
      if (first?.type !== 'PollRoundDefined') return {};
      const { questionnaire, seed, auditShare } = (
        pollRoundAggregate.domainEvent(first) as PollRoundEvent & {
          type: 'PollRoundDefined';
        }
      ).data;
      return { round: { questionnaire, seed, auditShare }, ivrRetryMinutes };
    };
    return handleCommand(this.deps.commandDeps, {
      aggregate: pollInterviewAggregate,
      id: interviewId,
      command,
      context,
    });
  }

  /**
   * The interviewer's open interview if they hold one (a repeated take answers the same number),
   * else the first pending numbers of the call list in order, tried until one is won: another
   * interviewer taking the same number first makes its stream refuse, and the next is tried.
   */
  /**
   * The robot's take (`narrow`: the frames it calls, the quotas not yet full): it holds several
   * numbers at once (its calls in flight), so only pending numbers are candidates.
   */
  async takeNext(command: Command<typeof pollInterviewCommands>, narrow?: Filter): Promise<CommandResult> {
    const { roundId } = command.data as { roundId: string };
    const { actor, districtId } = command.metadata;
    await this.callListCaughtUp(roundId);
    const interviews = this.deps.readModels.store.collection(SurveyCollection.pollInterviews);
    const scope = districtId === 'city' ? {} : { district: districtId };
    const mine = narrow
      ? { status: 'pending', ...narrow }
      : {
          $or: [{ status: 'pending' }, { status: 'taken', interviewerId: actor.id }],
        };
    const held = narrow
      ? null
      : await interviews.findOne<PollCandidate>({
          roundId,
          interviewerId: actor.id,
          status: 'taken',
        });
    if (held) {
      const { state, expected } = await pollInterviewAggregate.load(this.store, held.interviewId);
      if (state.status === 'taken' && state.interviewerId === actor.id)
        return {
          streamId: pollInterviewAggregate.streamId(held.interviewId),
          events: [],
          nextExpectedRevision: expected,
          position: 0,
          idempotent: true,
        };
    }
    // Page on past numbers others won since the read model last moved: every number still pending
    // in the stream is pending in the caught-up read model, so "none left" is true when said. The
    // numbers this interviewer holds stay in the list: every take of one interviewer walks the same
    // order, so a take racing another of theirs meets the number that one won and answers it.
    for (let after = 0; ;) {
      const candidates = await interviews.find<PollCandidate & { seq: number }>(
        { roundId, ...mine, seq: { $gt: after }, ...scope },
        { sort: { seq: 1 }, limit: CANDIDATES_PER_TAKE },
      );
      if (candidates.length === 0) break;
      for (const doc of candidates) {
        const candidate = candidateOf(doc);
        try {
          return await handleCommand(this.deps.commandDeps, {
            aggregate: pollInterviewAggregate,
            id: candidate.interviewId,
            command,
            context: { candidate },
          });
        } catch (error) {
          if (!(error instanceof PollRuleViolation && error.code === PollError.InterviewTaken)) throw error;
        }
      }
      after = candidates[candidates.length - 1]?.seq ?? after;
    }
    throw new PollRuleViolation(
      PollError.NoInterviewLeft,
      `poll round ${roundId} has no number left to call`,
    );
  }

  /**
   * Read-after-write for the take: waits until the read model holds the round's last event (the
   * draw's call list, the interviewer's own last take or answer, the others' takes). Its position
   * is read from the event store, not from the read model, so a take never acts on a call list
   * older than the commands that were answered before it.
   */
  private async callListCaughtUp(roundId: string): Promise<void> {
    const [last] = await this.store.readAll({
      direction: 'backwards',
      maxCount: 1,
      filter: {
        streamPrefixes: [
          pollRoundAggregate.streamId(roundId),
          `${pollInterviewAggregate.streamId(roundId)}.`,
        ],
      },
    });
    await this.deps.readModels.waitFor('polls', last?.position);
  }

  verification(command: Command<typeof pollVerificationCommands>): Promise<CommandResult> {
    const { roundId, unitId } = command.data as { roundId: string; unitId: string };
    const context = async (): Promise<PollVerificationContext> => {
      const { state } = await pollRoundAggregate.load(this.store, roundId);
      if (!state.round) return {};
      const { questionnaire } = state.round;
      const unitIds = questionnaire.units.map((u) => u.unitId);
      const round = { unitIds, ...(state.verifyBy ? { verifyBy: state.verifyBy } : {}) };
      if (command.type !== 'AnswerPollDispute') return { round };
      const { struck, corrected } = command.data;
      const named = [...struck, ...corrected.map((c) => c.interviewId)];
      const interviews = await disputedInterviews(this.store, roundId, unitId, named);
      return { round, questionnaire, interviews };
    };
    return handleCommand(this.deps.commandDeps, {
      aggregate: pollVerificationAggregate,
      id: `${roundId}.${unitId}`,
      command,
      context,
    });
  }
}

/** The call-list document as the decider takes it: the number's facts, nothing of the read model's. */
function candidateOf(doc: PollCandidate): PollCandidate {
  const { roundId, interviewId, phone, district, frame, unitId } = doc;
  return { roundId, interviewId, phone, district, frame, ...(unitId ? { unitId } : {}) };
}
