import {
  POLL_VERIFICATION_CATEGORY,
  pollVerificationCommands,
  pollVerificationEvents,
  type PollVerificationCommand,
  type PollVerificationEvent,
} from '@hotline/contracts';
import { defineAggregate, type DecideContext, type Decider } from '@hotline/infra/command';
import { decideDisputeReply, type PollDisputeContext } from './poll-dispute.decide';
import { PollError, PollRuleViolation } from './poll.errors';

export interface PollVerificationState {
  verified: boolean;
  /** The unit disputed its results; the center's reply (二次终审) once given. */
  disputed: boolean;
  answered: boolean;
}

export interface PollVerificationContext extends PollDisputeContext {
  /** The units the round evaluates and its verification deadline once published. */
  round?: { unitIds: readonly string[]; verifyBy?: string };
}

function decide(
  command: PollVerificationCommand,
  state: PollVerificationState,
  context: DecideContext & PollVerificationContext,
): PollVerificationEvent[] {
  if (command.type === 'AnswerPollDispute') return decideDisputeReply(command.data, state, context);
  const { roundId, unitId } = command.data;
  // Only the unit itself verifies (核对认定): its own results, never another unit's.
  if (context.actor.role !== 'unit' || context.actor.unitId !== unitId)
    throw new PollRuleViolation(PollError.RoleNotAllowed, `only unit ${unitId} verifies its results`);
  const round = context.round;
  if (!round) throw new PollRuleViolation(PollError.RoundNotFound, `poll round ${roundId} was not found`);
  if (!round.unitIds.includes(unitId))
    throw new PollRuleViolation(PollError.UnitNotEvaluated, `unit ${unitId} is not evaluated in ${roundId}`);
  if (round.verifyBy === undefined)
    throw new PollRuleViolation(PollError.ResultsNotPublished, `poll round ${roundId} is not published yet`);
  if (state.verified) return [];
  const late = context.now.getTime() > Date.parse(round.verifyBy);
  return [{ type: 'PollResultsVerified', data: { ...command.data, late } }];
}

/**
 * A unit's verification of a round's results (`pollVerification-<roundId>.<unitId>`): once; a
 * dispute answered by the center once (二次终审).
 */
export const pollVerificationDecider: Decider<
  PollVerificationCommand,
  PollVerificationEvent,
  PollVerificationState,
  PollVerificationContext
> = {
  initialState: () => ({ verified: false, disputed: false, answered: false }),
  evolve: (state, event) =>
    event.type === 'PollResultsVerified'
      ? { ...state, verified: true, disputed: !event.data.agreed }
      : { ...state, answered: true },
  decide,
};

export const pollVerificationAggregate = defineAggregate({
  category: POLL_VERIFICATION_CATEGORY,
  decider: pollVerificationDecider,
  events: pollVerificationEvents,
  commands: pollVerificationCommands,
});
