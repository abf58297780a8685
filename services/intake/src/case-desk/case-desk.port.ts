import type { Actor, AnswerCaseAtIntake, RegisterCase } from '@hotline/contracts';
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

export type RegisterCaseData = z.input<typeof RegisterCase.schema>;
export type AnswerCaseData = z.input<typeof AnswerCaseAtIntake.schema>;

/**
 * The case workflow as intake needs it: register a case for a contact, answer it at intake. The
 * bus adapter sends the workflow's own commands (RegisterCase, AnswerCaseAtIntake).
 */
export interface CaseDesk {
  registerCase(
    data: RegisterCaseData,
    request: CaseDeskRequest,
  ): Promise<{ caseId: string; caseNumber?: string }>;
  answerCaseAtIntake(data: AnswerCaseData, request: CaseDeskRequest): Promise<void>;
}
