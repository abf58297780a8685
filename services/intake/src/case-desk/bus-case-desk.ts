import {
  AnswerCaseAtIntake,
  RegisterCase,
  WORKFLOW_SERVICE,
  commandSubject,
  type CommandEnvelope,
} from '@hotline/contracts';
import { BusRecord, messageHeaders } from '@hotline/infra/bus';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import type { AnswerCaseData, CaseDesk, CaseDeskRequest, RegisterCaseData } from './case-desk.port';

/** The workflow service over the bus (NATS, or in-process when embedded). */
export class BusCaseDesk implements CaseDesk {
  constructor(private readonly bus: ClientProxy) {}

  async registerCase(
    data: RegisterCaseData,
    request: CaseDeskRequest,
  ): Promise<{ caseId: string; caseNumber?: string }> {
    const reply = (await this.send(RegisterCase.type, data, request)) as {
      caseId?: unknown;
      caseNumber?: unknown;
    } | null;
    return {
      caseId: data.caseId,
      ...(typeof reply?.caseNumber === 'string' ? { caseNumber: reply.caseNumber } : {}),
    };
  }

  async answerCaseAtIntake(data: AnswerCaseData, request: CaseDeskRequest): Promise<void> {
    await this.send(AnswerCaseAtIntake.type, data, request);
  }

  private send(type: string, data: unknown, request: CaseDeskRequest): Promise<unknown> {
    const metadata = {
      correlationId: request.correlationId,
      actor: request.actor,
      districtId: request.districtId,
      ...(request.traceparent ? { traceparent: request.traceparent } : {}),
    };
    const envelope: CommandEnvelope = { commandId: request.commandId, type, data, metadata };
    return firstValueFrom(
      this.bus.send(
        commandSubject(WORKFLOW_SERVICE, type),
        new BusRecord(envelope, messageHeaders(metadata)),
      ),
    );
  }
}
