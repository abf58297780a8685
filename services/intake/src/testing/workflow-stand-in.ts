import { HotlineError, formatCaseNumber, type Clock, type EventToAppend } from '@hotline/contracts';
import { deriveEventId } from '@hotline/infra/command';
import { StreamNotFound, type EventStore } from '@hotline/infra/event-store';
import type {
  AnswerCaseData,
  CaseDesk,
  CaseDeskRequest,
  RegisterCaseData,
  ReserveCaseNumberData,
} from '../case-desk/case-desk.port';

/**
 * TEST DOUBLE of the workflow service, for intake tests that must not share the workflow's NATS
 * subjects with other test runs on the same server: it appends `CaseRegistered` to the real event
 * store (so intake's duplicate read model sees the case as it would) with a made-up case number,
 * idempotently per case. The embedded test runs the real workflow service instead.
 */
export class WorkflowStandIn implements CaseDesk {
  readonly registered: RegisterCaseData[] = [];
  readonly answered: AnswerCaseData[] = [];
  /** Reserved numbers by contact id, as the workflow keeps them (once per contact). */
  readonly reserved = new Map<string, string>();
  /** While set, every call fails as an unreachable workflow would. */
  unavailable = false;
  private serial = 0;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async registerCase(
    data: RegisterCaseData,
    request: CaseDeskRequest,
  ): Promise<{ caseId: string; caseNumber?: string }> {
    if (this.unavailable)
      throw new HotlineError(
        'unavailable',
        'NO_RESPONDERS',
        'no service answers on hotline.cmd.workflow.RegisterCase',
      );
    const streamId = `case-${data.caseId}`;
    const existing = await this.firstEvent(streamId);
    if (existing) return { caseId: data.caseId, caseNumber: existing };
    const caseNumber =
      (data.contactId !== undefined ? this.reserved.get(data.contactId) : undefined) ??
      formatCaseNumber(900_000 + ++this.serial);
    const event: EventToAppend = {
      id: deriveEventId(streamId, request.commandId, 0),
      type: 'CaseRegistered',
      version: 1,
      data: {
        ...data,
        caseNumber,
        attachments: data.attachments ?? [],
        urgency: data.urgency ?? 'normal',
        simple: data.simple ?? false,
        convenienceList: false,
        dispatchBy: this.clock.now().toISOString(),
      },
      metadata: {
        correlationId: request.correlationId,
        causationId: request.commandId,
        commandId: request.commandId,
        actor: request.actor,
        districtId: request.districtId,
      },
      time: this.clock.now().toISOString(),
    };
    await this.store.append(streamId, [event], 'noStream');
    this.registered.push(data);
    return { caseId: data.caseId, caseNumber };
  }

  answerCaseAtIntake(data: AnswerCaseData): Promise<void> {
    if (this.unavailable)
      return Promise.reject(new HotlineError('unavailable', 'NO_RESPONDERS', 'no service answers'));
    this.answered.push(data);
    return Promise.resolve();
  }

  reserveCaseNumber(data: ReserveCaseNumberData, request: CaseDeskRequest): Promise<{ caseNumber?: string }> {
    if (this.unavailable)
      return Promise.reject(new HotlineError('unavailable', 'NO_RESPONDERS', 'no service answers'));
    // As the workflow's reservation decider: the platform's own step only.
    if (request.actor.role !== 'system')
      return Promise.reject(new HotlineError('forbidden', 'FORBIDDEN', `not for ${request.actor.role}`));
    const caseNumber = this.reserved.get(data.contactId) ?? formatCaseNumber(900_000 + ++this.serial);
    this.reserved.set(data.contactId, caseNumber);
    return Promise.resolve({ caseNumber });
  }

  /** A later step of a case (signed, completed, closed …), appended as the workflow would; its position. */
  async appendCaseEvent(caseId: string, type: string, data: Record<string, unknown>): Promise<number> {
    const commandId = `stand-in-${type}-${++this.serial}`;
    const streamId = `case-${caseId}`;
    const { position } = await this.store.append(
      streamId,
      [
        {
          id: deriveEventId(streamId, commandId, 0),
          type,
          version: 1,
          data: { caseId, ...data },
          metadata: {
            correlationId: commandId,
            causationId: commandId,
            commandId,
            actor: { id: 'unit-1', role: 'unit' },
            districtId: 'gulou',
          },
          time: this.clock.now().toISOString(),
        },
      ],
      'streamExists',
    );
    return position;
  }

  private async firstEvent(streamId: string): Promise<string | undefined> {
    try {
      const [first] = await this.store.readStream(streamId, { maxCount: 1 });
      return (first?.data as { caseNumber?: string } | undefined)?.caseNumber;
    } catch (error) {
      if (error instanceof StreamNotFound) return undefined;
      throw error;
    }
  }
}
