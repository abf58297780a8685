import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  AnswerCallbackTask,
  PlaceOutboundCall,
  Rating,
  RecordCallbackAttempt,
  commandSubject,
  type AttemptFailure,
  type CommandEnvelope,
  type RecordedEvent,
} from '@hotline/contracts';
import { BusRecord, messageHeaders, type EventBus, type EventConsumer } from '@hotline/infra/bus';
import { parseCommand } from '@hotline/infra/command';
import type { EventStore } from '@hotline/infra/event-store';
import type { Logger } from '@hotline/infra/telemetry';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { SURVEY_ACTOR } from './callback-scheduler.reactor';
import { callbackTaskAggregate } from './callback-task.aggregate';
import type { CallbackTaskCommands } from './callback-task-commands';
import { isFinalRefusal } from './workflow-commands';

export const IVR_SURVEY_CONSUMER = 'survey-ivr-calls';
const CALL_PREFIX = 'survey-';

/** The question the IVR reads (one key for the whole callback: it rates all three dimensions). */
export const IVR_SURVEY_MESSAGE =
  '您好，这里是12345热线。您反映的问题已办结，请对办理情况进行评价：满意请按1，基本满意请按2，不满意请按3。';
const ANSWERS = { '1': 'satisfied', '2': 'basically-satisfied', '3': 'dissatisfied' } as const;

/** The outbound call of a task's attempt, and back: `survey-<taskId>.<attempt>`. */
export const surveyCallId = (taskId: string, attempt: number): string => `${CALL_PREFIX}${taskId}.${attempt}`;
const taskOfCall = (callId: string): string | undefined =>
  callId.startsWith(CALL_PREFIX) ? callId.slice(CALL_PREFIX.length).replace(/\.\d+$/, '') : undefined;

const FAILURES: Record<string, AttemptFailure> = {
  'no-answer': 'no-answer',
  busy: 'busy',
  failed: 'switched-off',
};

/**
 * The automated IVR callback, through the sipapp's outbound-call API: a requested survey call
 * (`CallbackSurveyCallRequested`) becomes `PlaceOutboundCall` (purpose `survey`, digits 1/2/3); the
 * call's end (`OutboundCallFinished`) becomes the task's answer (the key rates efficiency, attitude
 * and result alike) or a failed attempt. Idempotent by call id and by the causing event's id.
 */
export class IvrSurveyReactor implements OnApplicationBootstrap, OnModuleDestroy {
  private consumer: EventConsumer | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly client: ClientProxy,
    private readonly store: EventStore,
    private readonly tasks: CallbackTaskCommands,
    private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.bus.consume(
      {
        durableName: IVR_SURVEY_CONSUMER,
        filter: { eventTypes: ['CallbackSurveyCallRequested', 'OutboundCallFinished'] },
      },
      (event) => this.react(event),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  async react(event: RecordedEvent): Promise<void> {
    try {
      if (event.type === 'CallbackSurveyCallRequested') await this.placeCall(event);
      else await this.callFinished(event);
    } catch (error) {
      if (!isFinalRefusal(error)) throw error;
      this.logger.warn({ err: error, eventType: event.type }, 'survey: an IVR survey step was refused');
    }
  }

  private async placeCall(event: RecordedEvent): Promise<void> {
    const { taskId, caseId, attempt } = event.data as { taskId: string; caseId: string; attempt: number };
    const { state } = await callbackTaskAggregate.load(this.store, taskId);
    const phone = state.task?.phone;
    if (phone === undefined) return;
    const commandId = `cb-dial-${event.id}`;
    const metadata = {
      correlationId: event.metadata.correlationId,
      causationId: event.id,
      actor: SURVEY_ACTOR,
      districtId: event.metadata.districtId,
    };
    const data = {
      callId: surveyCallId(taskId, attempt),
      purpose: 'survey',
      number: phone.replace(/\D/g, ''),
      caseId,
      message: IVR_SURVEY_MESSAGE,
      answers: ANSWERS,
    };
    const envelope: CommandEnvelope = { commandId, type: PlaceOutboundCall.type, data, metadata };
    await firstValueFrom(
      this.client.send(
        commandSubject(PlaceOutboundCall.service, PlaceOutboundCall.type),
        new BusRecord(envelope, messageHeaders(metadata)),
      ),
    );
  }

  private async callFinished(event: RecordedEvent): Promise<void> {
    const { callId, outcome, answer } = event.data as { callId: string; outcome: string; answer?: string };
    const taskId = taskOfCall(callId);
    if (taskId === undefined) return;
    const metadata = {
      correlationId: event.metadata.correlationId,
      causationId: event.id,
      actor: SURVEY_ACTOR,
      districtId: event.metadata.districtId,
    };
    const rating = Rating.safeParse(answer);
    if (outcome === 'answered' && rating.success) {
      const ratings = { efficiency: rating.data, attitude: rating.data, result: rating.data };
      await this.tasks.execute(
        parseCommand(AnswerCallbackTask, {
          commandId: `cb-ivr-answer-${event.id}`,
          type: AnswerCallbackTask.type,
          data: { taskId, method: 'ivr', ratings, recordingId: callId },
          metadata,
        }),
      );
      return;
    }
    await this.tasks.execute(
      parseCommand(RecordCallbackAttempt, {
        commandId: `cb-ivr-attempt-${event.id}`,
        type: RecordCallbackAttempt.type,
        data: { taskId, method: 'ivr', failure: FAILURES[outcome] ?? 'no-answer' },
        metadata,
      }),
    );
  }
}
