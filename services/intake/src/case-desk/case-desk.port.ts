import type {
  Actor,
  AnswerCaseAtIntake,
  CommandEnvelope,
  RegisterCase,
  ReserveCaseNumber,
} from '@hotline/contracts';
import type { z } from 'zod';

/** Who asks, on whose behalf: carried into the workflow command's metadata. */
export interface CaseDeskRequest {
  /** The workflow command's id, derived from the intake command's, so a retry repeats it exactly. */
  commandId: string;
  correlationId: string;
  actor: Actor;
  districtId: string;
  traceparent?: string;
}

/** The request for one workflow step of an intake command, carrying its metadata along. */
export function caseDeskRequest(envelope: CommandEnvelope, commandId: string): CaseDeskRequest {
  const { correlationId, actor, districtId, traceparent } = envelope.metadata;
  return { commandId, correlationId, actor, districtId, ...(traceparent ? { traceparent } : {}) };
}

export type RegisterCaseData = z.input<typeof RegisterCase.schema>;
export type AnswerCaseData = z.input<typeof AnswerCaseAtIntake.schema>;
export type ReserveCaseNumberData = z.input<typeof ReserveCaseNumber.schema>;

/**
 * The case workflow as intake needs it: reserve a contact's case number, register a case for a
 * contact, answer it at intake. The bus adapter sends the workflow's own commands
 * (ReserveCaseNumber, RegisterCase, AnswerCaseAtIntake).
 */
export interface CaseDesk {
  registerCase(
    data: RegisterCaseData,
    request: CaseDeskRequest,
  ): Promise<{ caseId: string; caseNumber?: string }>;
  answerCaseAtIntake(data: AnswerCaseData, request: CaseDeskRequest): Promise<void>;
  /** The contact's case number, the same on every call; the case registered from the contact takes it. */
  reserveCaseNumber(data: ReserveCaseNumberData, request: CaseDeskRequest): Promise<{ caseNumber?: string }>;
}
