import {
  PlaceOutboundCall,
  PlacePollInterviewCall,
  POLL_IVR_INTERVIEWER,
  TakeNextPollInterview,
  systemActor,
  type Clock,
  type CommandDefinition,
  type PollFrame,
  type PollQuestionnaire,
} from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';
import { parseCommand } from '@hotline/infra/command';
import type { EventStore } from '@hotline/infra/event-store';
import type { Filter, ReadStore } from '@hotline/infra/read-store';
import type { Logger } from '@hotline/infra/telemetry';
import { PeriodicPass } from '../periodic-pass';
import { SurveyCollection } from '../read-models/survey-collections';
import type { PollCommands } from './poll-commands';
import { pollInterviewAggregate } from './poll-interview.decider';
import { pollCallIntroduction, pollCallQuestions, wholeQuestionnaireFits } from './poll-ivr-call';
import { PollError, PollRuleViolation } from './poll.errors';

/** The survey robot: a system actor whose id is the interviewer id of the numbers it holds. */
export const POLL_IVR_ACTOR = systemActor('survey-ivr');

interface RobotRound {
  roundId: string;
  title: string;
  questionnaire: PollQuestionnaire;
  ivr: { running: boolean; attempts: number; frames: PollFrame[] };
}

interface HeldNumber {
  interviewId: string;
  phone: string;
  district: string;
  unitId?: string;
  attempt?: number;
}

interface QuotaDoc {
  district: string;
  frame: PollFrame;
  target: number;
  completed?: number;
}

export interface PollIvrRunnerOptions {
  readStore: ReadStore;
  eventStore: EventStore;
  polls: PollCommands;
  requests: BusRequests;
  clock: Clock;
  logger: Logger;
  pollMs: number;
  /** Calls of the robot under way at once (all rounds). */
  maxCalls: number;
}

/**
 * Works the rounds the center set the robot on (automated IVR interviews): each pass calls the
 * numbers it holds that are due (taken before a restart, or a retry whose time came), then takes
 * the round's next numbers through the interviewers' own take (a number is never with an
 * interviewer and the robot at once), at most `maxCalls` under way. Each call is recorded on the
 * interview before the dialer is asked for it, under an id of the interview and the attempt; after
 * a restart the open calls are asked for again under the same ids, which the dialer answers once.
 */
export class PollIvrRunner extends PeriodicPass {
  constructor(private readonly options: PollIvrRunnerOptions) {
    super(options.pollMs, options.logger, 'survey: the IVR poll robot’s pass failed');
  }

  private collection(name: keyof typeof SurveyCollection) {
    return this.options.readStore.collection(SurveyCollection[name]);
  }

  protected async pass(): Promise<void> {
    const rounds = await this.collection('pollRounds').find<RobotRound>({ 'ivr.running': true });
    await this.redial();
    const interviews = this.collection('pollInterviews');
    let free =
      this.options.maxCalls -
      (await interviews.countDocuments({
        interviewerId: POLL_IVR_INTERVIEWER,
        status: 'taken',
        callOpen: true,
      }));
    for (const round of rounds) {
      if (free <= 0) return;
      const due = await interviews.find<HeldNumber>(
        {
          roundId: round.roundId,
          interviewerId: POLL_IVR_INTERVIEWER,
          status: 'taken',
          callOpen: false,
          dueAt: { $lte: this.options.clock.now().toISOString() },
        },
        { sort: { dueAt: 1 }, limit: free },
      );
      for (const held of due) if (await this.call(round, held)) free--;
      while (free > 0) {
        const taken = await this.take(round);
        if (!taken) break;
        if (await this.call(round, taken)) free--;
      }
    }
  }

  /**
   * The calls recorded as placed and not ended are asked for again (at most `maxCalls`): the dialer
   * answers a repeat with nothing new, and a request lost to a restart or a broken link is placed.
   */
  private async redial(): Promise<void> {
    const open = await this.collection('pollInterviews').find<HeldNumber & { roundId: string }>({
      interviewerId: POLL_IVR_INTERVIEWER,
      status: 'taken',
      callOpen: true,
    });
    for (const held of open) {
      const round = await this.collection('pollRounds').findOne<RobotRound>({ _id: held.roundId });
      if (round) await this.dial(round, held).catch((error: unknown) => this.warn(error, held));
    }
  }

  /** The round's next number for the robot: of its frames, of the quotas not yet full. */
  private async take(round: RobotRound): Promise<HeldNumber | undefined> {
    const quotas = await this.collection('pollQuotas').find<QuotaDoc>({ roundId: round.roundId });
    const frames = round.ivr.frames;
    const open = quotas.filter(
      (q) => (q.completed ?? 0) < q.target && (frames.length === 0 || frames.includes(q.frame)),
    );
    if (open.length === 0) return undefined;
    // A questionnaire too long for one call about every unit: the robot calls the units' own numbers.
    const narrow: Filter = {
      $or: open.map(({ district, frame }) => ({ district, frame })),
      ...(wholeQuestionnaireFits(round.questionnaire) ? {} : { unitId: { $exists: true } }),
    };
    const commandId = `poll-ivr-take-${round.roundId}-${this.options.clock.now().getTime()}-${Math.random().toString(36).slice(2, 8)}`;
    try {
      const result = await this.options.polls.takeNext(
        this.parsed(TakeNextPollInterview, commandId, { roundId: round.roundId }),
        narrow,
      );
      const interviewId = result.streamId.slice(pollInterviewAggregate.streamId('').length);
      return (await this.collection('pollInterviews').findOne<HeldNumber>({ _id: interviewId })) ?? undefined;
    } catch (error) {
      if (error instanceof PollRuleViolation && error.code === PollError.NoInterviewLeft) return undefined;
      throw error;
    }
  }

  /**
   * Records the next attempt on the interview, then asks the dialer. A call recorded counts as under
   * way even when the dialer could not be asked (the next pass asks again); false when none was.
   */
  private async call(round: RobotRound, held: HeldNumber): Promise<boolean> {
    const { interviewId } = held;
    try {
      await this.options.polls.interview(
        this.parsed(PlacePollInterviewCall, `poll-ivr-place-${interviewId}-${(held.attempt ?? 0) + 1}`, {
          interviewId,
          attempts: round.ivr.attempts,
        }),
      );
    } catch (error) {
      this.warn(error, held);
      return false;
    }
    await this.dial(round, held).catch((error: unknown) => this.warn(error, held));
    return true;
  }

  private warn(error: unknown, held: HeldNumber): void {
    this.options.logger.warn(
      { err: error, interviewId: held.interviewId },
      'survey: the IVR poll robot did not call a number',
    );
  }

  /** Asks the dialer for the interview's open call, if it has one (idempotent by the call's id). */
  private async dial(round: RobotRound, held: HeldNumber): Promise<boolean> {
    const { state } = await pollInterviewAggregate.load(this.options.eventStore, held.interviewId);
    const callId = state.openCallId;
    if (callId === undefined) return false;
    const data = {
      callId,
      purpose: 'survey' as const,
      number: held.phone.replace(/\D/g, ''),
      message: pollCallIntroduction(round.title),
      questions: pollCallQuestions(round.questionnaire, held.unitId),
    };
    await this.options.requests.command(PlaceOutboundCall, `poll-dial-${callId}`, data, {
      correlationId: callId,
      actor: POLL_IVR_ACTOR,
      districtId: held.district,
    });
    return true;
  }

  private parsed<D extends CommandDefinition>(definition: D, commandId: string, data: unknown) {
    return parseCommand(definition, {
      commandId,
      type: definition.type,
      data,
      metadata: { correlationId: commandId, actor: POLL_IVR_ACTOR, districtId: 'city' },
    });
  }
}
