import type { CaseCommand, CaseEvent } from '@hotline/contracts';
import type { CaseContext } from './case.context';
import { requireDistrict, requireRecord } from './case-guards';
import type { CaseState } from './case.state';
import {
  acceptReply,
  close,
  recordCallback,
  redo,
  reviewPublicRecord,
  sendBackReply,
} from './decide-closure';
import {
  dispatch,
  dispatchToFallback,
  recordInstruction,
  redispatch,
  reportToLeader,
  subDispatch,
} from './decide-dispatch';
import {
  approveExtension,
  coHandlerReply,
  rejectExtension,
  reply,
  requestExtension,
  returnCase,
  sign,
} from './decide-handling';
import {
  answerAtIntake,
  decline,
  linkDuplicate,
  merge,
  recordRepeatContact,
  register,
} from './decide-intake';

/**
 * The case's rules: the events a command produces in a state, or a `CaseRuleViolation`. The
 * command's data is already parsed by its schema; this checks what a schema cannot: state, time,
 * roles, units and the taxonomy.
 */
export function decide(command: CaseCommand, state: CaseState, context: CaseContext): CaseEvent[] {
  // "Not there" (or not the caller's) comes before any other answer, the role's included (docs/api.md).
  requireDistrict(context);
  if (command.type !== 'RegisterCase') requireRecord(state, context);
  switch (command.type) {
    case 'RegisterCase':
      return register(command.data, state, context);
    case 'AnswerCaseAtIntake':
      return answerAtIntake(command.data, state, context);
    case 'DeclineCase':
      return decline(command.data, state, context);
    case 'MergeCase':
      return merge(command.data, state, context);
    case 'LinkDuplicateCase':
      return linkDuplicate(command.data, state, context);
    case 'DispatchCase':
      return dispatch(command.data, state, context);
    case 'RedispatchCase':
      return redispatch(command.data, state, context);
    case 'DispatchCaseToFallbackUnit':
      return dispatchToFallback(command.data, state, context);
    case 'SubDispatchCase':
      return subDispatch(command.data, state, context);
    case 'ReportCaseToLeader':
      return reportToLeader(command.data, state, context);
    case 'RecordLeaderInstruction':
      return recordInstruction(command.data, state, context);
    case 'SignCase':
      return sign(command.data, state, context);
    case 'ReturnCase':
      return returnCase(command.data, state, context);
    case 'RequestCaseExtension':
      return requestExtension(command.data, state, context);
    case 'ApproveCaseExtension':
      return approveExtension(command.data, state, context);
    case 'RejectCaseExtension':
      return rejectExtension(command.data, state, context);
    case 'SubmitCoHandlerReply':
      return coHandlerReply(command.data, state, context);
    case 'SubmitCaseReply':
      return reply(command.data, state, context);
    case 'AcceptCaseReply':
      return acceptReply(command.data, state, context);
    case 'SendBackCaseReply':
      return sendBackReply(command.data, state, context);
    case 'RecordCaseCallback':
      return recordCallback(command.data, state, context);
    case 'CloseCase':
      return close(command.data, state, context);
    case 'RedoCase':
      return redo(command.data, state, context);
    case 'RecordCaseRepeatContact':
      return recordRepeatContact(command.data, state, context);
    case 'ReviewPublicRecord':
      return reviewPublicRecord(command.data, state, context);
    default: {
      const unknown: never = command;
      throw new Error(`unknown case command ${(unknown as { type: string }).type}`);
    }
  }
}
