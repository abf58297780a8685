import {
  AnswerCallbackTask,
  CASE_CATEGORY,
  type AnswerCallbackSurvey,
  type CommandEnvelope,
  type RecordedEvent,
} from '@hotline/contracts';
import {
  handleCommand,
  parseCommand,
  type CommandHandlerDeps,
  type CommandResult,
  type ParsedCommand,
} from '@hotline/infra/command';
import { surveyOptOutAggregate } from '../opt-out/survey-opt-out.decider';
import type { CallbackRules } from './callback-rules';
import type { CallbackTaskContext } from './callback-task.decide';
import { callbackTaskAggregate } from './callback-task.aggregate';
import { caseFactsOf } from './case-facts';
import type { SurveyLinkSigner } from './survey-link';

export interface CallbackTaskCommandsDeps {
  commandDeps: CommandHandlerDeps;
  rules: CallbackRules;
  signer: SurveyLinkSigner;
}

/** Handles the callback task commands: the case's facts and the citizen's opt-out come in the context. */
export class CallbackTaskCommands {
  constructor(private readonly deps: CallbackTaskCommandsDeps) {}

  /**
   * Any callback task command, already parsed (`parseCommand`). `caseEvents`: the case's stream as
   * the caller has just read it (the scheduler reads it to know the case's state), so a task is made
   * with one read of the case, not two.
   */
  execute(
    command: ParsedCommand<(typeof callbackTaskAggregate.commands)[number]>,
    known: { caseEvents?: readonly RecordedEvent[] } = {},
  ): Promise<CommandResult> {
    const { commandDeps, rules } = this.deps;
    const data = command.data as { taskId: string; caseId?: string };
    const context = async (): Promise<CallbackTaskContext> => {
      if (command.type !== 'ScheduleCallbackTask' || data.caseId === undefined) return { rules };
      const events =
        known.caseEvents ?? (await commandDeps.store.readStreamOrEmpty(`${CASE_CATEGORY}-${data.caseId}`));
      const facts = caseFactsOf(events);
      const optedOut =
        facts?.phone !== undefined &&
        (await surveyOptOutAggregate.load(commandDeps.store, facts.phone)).state.optedOut;
      return { rules, ...(facts ? { facts } : {}), optedOut };
    };
    return handleCommand(commandDeps, {
      aggregate: callbackTaskAggregate,
      id: data.taskId,
      command,
      context,
    });
  }

  /**
   * The citizen's answer through the signed link: the token is checked first (a forged or expired
   * one throws and nothing is recorded), then it is the task's answer by SMS; an opt-out with it is
   * recorded for the citizen's number.
   */
  async answerByLink(command: ParsedCommand<typeof AnswerCallbackSurvey>): Promise<CommandResult> {
    const { taskId } = this.deps.signer.verify(command.data.token, this.deps.commandDeps.clock.now());
    const { ratings, comment, optOut } = command.data;
    const envelope: CommandEnvelope = {
      commandId: command.commandId,
      type: AnswerCallbackTask.type,
      data: { taskId, method: 'sms', ratings, ...(comment ? { comment } : {}), fromCase: false },
      metadata: command.metadata,
    };
    const result = await this.execute(parseCommand(AnswerCallbackTask, envelope));
    if (optOut) {
      const { state } = await callbackTaskAggregate.load(this.deps.commandDeps.store, taskId);
      const phone = state.task?.phone;
      if (phone !== undefined) {
        await handleCommand(this.deps.commandDeps, {
          aggregate: surveyOptOutAggregate,
          id: phone,
          command: {
            ...envelope,
            commandId: `${command.commandId}-opt-out`,
            type: 'OptOutOfSurveys',
            data: { phone },
          },
        });
      }
    }
    return result;
  }
}
