import { AnswerCaseAtIntake, RegisterCase, ReserveCaseNumber, WORKFLOW_SERVICE } from '@hotline/contracts';
import { BusRequests } from '@hotline/infra/bus';
import type { ClientProxy } from '@nestjs/microservices';
import type {
  AnswerCaseData,
  CaseDesk,
  CaseDeskRequest,
  RegisterCaseData,
  ReserveCaseNumberData,
} from './case-desk.port';

/** The workflow service over the bus (NATS, or in-process when embedded). */
export class BusCaseDesk implements CaseDesk {
  private readonly requests: BusRequests;

  constructor(bus: ClientProxy) {
    this.requests = new BusRequests(bus);
  }

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

  async reserveCaseNumber(
    data: ReserveCaseNumberData,
    request: CaseDeskRequest,
  ): Promise<{ caseNumber?: string }> {
    const reply = (await this.send(ReserveCaseNumber.type, data, request)) as { caseNumber?: unknown } | null;
    return typeof reply?.caseNumber === 'string' ? { caseNumber: reply.caseNumber } : {};
  }

  private send(type: string, data: unknown, request: CaseDeskRequest): Promise<unknown> {
    const { commandId, correlationId, actor, districtId, traceparent } = request;
    return this.requests.commandByName(WORKFLOW_SERVICE, type, commandId, data, {
      correlationId,
      actor,
      districtId,
      ...(traceparent ? { traceparent } : {}),
    });
  }
}
