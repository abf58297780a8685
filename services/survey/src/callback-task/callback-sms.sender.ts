import {
  RecordCallbackSms,
  SendSurveySms,
  SurveySmsOutcome,
  WaiveCallbackTask,
  type CommandEnvelope,
} from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';
import { parseCommand } from '@hotline/infra/command';
import type { EventStore } from '@hotline/infra/event-store';
import type { Logger } from '@hotline/infra/telemetry';
import { surveyOptOutAggregate } from '../opt-out/survey-opt-out.decider';
import { SURVEY_ACTOR } from './callback-scheduler.reactor';
import { callbackTaskAggregate } from './callback-task.aggregate';
import type { CallbackTaskCommands } from './callback-task-commands';
import type { SurveyLinkSigner } from './survey-link';

/** A task whose link's SMS is due, as the callback queue holds it. */
export interface SmsDueTask {
  taskId: string;
  caseNumber: string;
  districtId: string;
  /** The slot this try belongs to: two instances (or a restart) trying the same slot are one try. */
  smsDueAt: string;
}

/**
 * What the citizen reads, zh-CN as sent; short, since with the link it already takes two or three
 * concatenated parts of 67 characters. English: "[12345] Your request (case <n>) is completed; please
 * rate it: <link> Reply TD to opt out".
 */
export const callbackSmsText = (caseNumber: string, link: string): string =>
  `【12345】您的诉求（受理号${caseNumber}）已办结，请评价：${link} 回复TD退订`;

export interface CallbackSmsSenderDeps {
  store: EventStore;
  requests: BusRequests;
  tasks: CallbackTaskCommands;
  signer: SurveyLinkSigner;
  /** `SURVEY_LINK_BASE_URL`: the signed token follows it. */
  linkBaseUrl: string;
  logger: Logger;
}

/**
 * Sends the SMS of a task's survey link through intake's SMSC (`SendSurveySms`, SMS id
 * `<taskId>.<attempt>`: intake sends it once) and records what became of it on the task
 * (`RecordCallbackSms`): sent, held by the quiet hours, or failed (a number that texted TD, an
 * SMSC that is down). A citizen who opted out of surveys since the task was made has it waived
 * instead. Neither the number nor the link is logged.
 */
export class CallbackSmsSender {
  constructor(private readonly deps: CallbackSmsSenderDeps) {}

  async send(due: SmsDueTask): Promise<void> {
    const { store, tasks, signer, linkBaseUrl } = this.deps;
    const { state } = await callbackTaskAggregate.load(store, due.taskId);
    const task = state.task;
    if (!task || task.status !== 'link-sent' || task.sms?.sent) return;
    if (task.phone === undefined || task.linkExpiresAt === undefined) return;
    const attempt = task.attempts + 1;
    const slot = `${due.taskId}.${attempt}.${Date.parse(due.smsDueAt)}`;
    const origin = { actor: SURVEY_ACTOR, districtId: due.districtId, correlationId: due.taskId };
    if ((await surveyOptOutAggregate.load(store, task.phone)).state.optedOut) {
      await tasks.execute(
        parseCommand(
          WaiveCallbackTask,
          this.envelope(WaiveCallbackTask.type, `cb-sms-waive-${slot}`, origin, {
            taskId: due.taskId,
            reason: 'opted-out',
          }),
        ),
      );
      return;
    }
    const link = `${linkBaseUrl}${signer.sign(due.taskId, new Date(task.linkExpiresAt))}`;
    const data = {
      smsId: `${due.taskId}.${attempt}`,
      phone: task.phone,
      text: callbackSmsText(due.caseNumber, link),
    };
    let outcome: Record<string, unknown>;
    try {
      const reply = SurveySmsOutcome.parse(
        await this.deps.requests.command(SendSurveySms, `survey-sms-${slot}`, data, origin),
      );
      outcome = reply.outcome === 'withheld' ? { outcome: 'failed', reason: 'opted-out' } : { ...reply };
    } catch (error) {
      // Whatever kept it from the SMSC (none bound, a refusal, intake not answering) is a failed try.
      const code = (error as { code?: unknown }).code;
      this.deps.logger.warn(
        { taskId: due.taskId, attempt, code, message: (error as Error).message },
        'survey: the SMS of a survey link did not go out',
      );
      outcome = { outcome: 'failed', reason: 'smsc-unavailable' };
    }
    await tasks.execute(
      parseCommand(
        RecordCallbackSms,
        this.envelope(RecordCallbackSms.type, `cb-sms-${slot}`, origin, {
          taskId: due.taskId,
          ...outcome,
        }),
      ),
    );
  }

  private envelope(
    type: string,
    commandId: string,
    origin: { actor: CommandEnvelope['metadata']['actor']; districtId: string; correlationId: string },
    data: unknown,
  ): CommandEnvelope {
    return { commandId, type, data, metadata: origin };
  }
}
