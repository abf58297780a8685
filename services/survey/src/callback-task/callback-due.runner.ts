import {
  IssueCallbackSurveyLink,
  RecordCallbackAttempt,
  RequestCallbackSurveyCall,
  type Clock,
} from '@hotline/contracts';
import { parseCommand } from '@hotline/infra/command';
import type { ReadStore } from '@hotline/infra/read-store';
import type { Logger } from '@hotline/infra/telemetry';
import { PeriodicPass } from '../periodic-pass';
import { SurveyCollection } from '../read-models/survey-collections';
import type { CallbackSmsSender, SmsDueTask } from './callback-sms.sender';
import type { CallbackTaskCommands } from './callback-task-commands';
import { SURVEY_ACTOR } from './callback-scheduler.reactor';

interface DueTask {
  taskId: string;
  districtId: string;
  method: 'sms' | 'ivr';
  attempts: number;
  status: string;
}

const BATCH = 200;

/**
 * Sends what is due: the SMS link of a task whose day has come (the link, then its SMS through
 * intake, again after a failed try or the quiet hours), the IVR survey call; and counts an
 * expired, unanswered link as a failed attempt (the next round sends a new link, until the task is
 * unreachable). Command ids name the task and the attempt, so two instances (or a restart) send
 * each once.
 */
export class CallbackDueRunner extends PeriodicPass {
  constructor(
    private readonly store: ReadStore,
    private readonly tasks: CallbackTaskCommands,
    private readonly clock: Clock,
    private readonly sms: CallbackSmsSender,
    logger: Logger,
    pollMs: number,
  ) {
    super(pollMs, logger, 'survey: sending due callbacks failed');
  }

  protected async pass(): Promise<void> {
    const now = this.clock.now().toISOString();
    const tasks = this.store.collection(SurveyCollection.callbackTasks);
    const due = await tasks.find<DueTask>(
      { status: 'scheduled', method: { $in: ['sms', 'ivr'] }, dueAt: { $lte: now } },
      { sort: { dueAt: 1 }, limit: BATCH },
    );
    for (const task of due) {
      const definition = task.method === 'sms' ? IssueCallbackSurveyLink : RequestCallbackSurveyCall;
      await this.send(definition, `cb-${task.method}-${task.taskId}-${task.attempts + 1}`, task, {
        taskId: task.taskId,
      });
    }
    // After the links just issued: their SMS is due at once.
    const smsDue = await tasks.find<SmsDueTask>(
      { status: 'link-sent', smsDueAt: { $lte: now } },
      { sort: { smsDueAt: 1 }, limit: BATCH },
    );
    for (const task of smsDue) {
      await this.sms.send(task).catch((error: unknown) => {
        this.logger.warn({ err: error, taskId: task.taskId }, 'survey: a survey SMS was not recorded');
      });
    }
    const expired = await tasks.find<DueTask>(
      { status: 'link-sent', linkExpiresAt: { $lte: now } },
      { sort: { linkExpiresAt: 1 }, limit: BATCH },
    );
    for (const task of expired) {
      await this.send(RecordCallbackAttempt, `cb-expired-${task.taskId}-${task.attempts + 1}`, task, {
        taskId: task.taskId,
        method: 'sms',
        failure: 'sms-expired',
      });
    }
  }

  private async send(
    definition:
      typeof IssueCallbackSurveyLink | typeof RequestCallbackSurveyCall | typeof RecordCallbackAttempt,
    commandId: string,
    task: DueTask,
    data: unknown,
  ): Promise<void> {
    try {
      await this.tasks.execute(
        parseCommand(definition, {
          commandId,
          type: definition.type,
          data,
          metadata: { correlationId: commandId, actor: SURVEY_ACTOR, districtId: task.districtId },
        }),
      );
    } catch (error) {
      this.logger.warn({ err: error, taskId: task.taskId }, 'survey: a due callback was not sent');
    }
  }
}
