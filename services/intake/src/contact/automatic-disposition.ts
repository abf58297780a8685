import type { CaseType, ContactAssessment, ContactChannel, EmergencyService } from '@hotline/contracts';

/** What the platform does on its own with a self-service contact (web, SMS, email, WeChat, API). */
export type Disposition =
  | { kind: 'merge'; caseId: string; caseNumber?: string; similarity: number }
  | { kind: 'register'; type: CaseType; categoryCode: string }
  /**
   * Left open for an agent: unclear, not accepted, a call taken by an agent anyway, or a possible
   * emergency (the citizen is told the number at once; the agent confirms the referral).
   */
  | { kind: 'triage'; because: string; emergency?: EmergencyService; reserveNumber?: true };

/**
 * Web submissions waiting for an agent get their case number at once (reserved; the case the agent
 * registers takes it), so the citizen can track from the receipt on. Not when the agent may refer
 * or decline it: the citizen is told why instead.
 */
const NUMBER_ON_SUBMIT_CHANNELS: ReadonlySet<ContactChannel> = new Set(['web']);

/** Web and SMS repeats from the same caller merge without an agent (the rule). */
const AUTO_MERGE_CHANNELS: ReadonlySet<ContactChannel> = new Set(['web', 'sms']);

export interface DispositionRules {
  autoRegister: boolean;
  /** Least classification confidence to register a case without an agent. */
  autoRegisterConfidence: number;
  /** Least duplicate score to merge into the same caller's open case. */
  autoMergeScore: number;
}

/**
 * The order matters: a possible emergency goes to an agent whatever else is true (a guess never
 * sends a citizen away: the agent confirms and refers); a repeat is merged before a new case is
 * opened; a suggested not-accepted reason always goes to an agent, who explains it.
 */
export function automaticDisposition(
  channel: ContactChannel,
  assessment: ContactAssessment,
  rules: DispositionRules,
): Disposition {
  const { classification, duplicates } = assessment;
  if (classification.emergency) {
    const service = classification.emergency.service;
    return {
      kind: 'triage',
      because: `possible emergency for ${service}: an agent confirms`,
      emergency: service,
    };
  }
  // A self-service phone contact is a recording (the IVR's complaint or message): nothing to classify
  // until an agent listens, and the type fixes the deadline, so the agent chooses type and category.
  // The caller hears a reserved number at once; the case the agent registers takes it.
  if (channel === 'phone')
    return { kind: 'triage', because: 'an agent listens to the recording', reserveNumber: true };
  const repeat = duplicates[0];
  if (
    repeat &&
    AUTO_MERGE_CHANNELS.has(channel) &&
    repeat.reasons.includes('same-caller') &&
    repeat.score >= rules.autoMergeScore
  ) {
    return {
      kind: 'merge',
      caseId: repeat.caseId,
      ...(repeat.caseNumber ? { caseNumber: repeat.caseNumber } : {}),
      similarity: repeat.similarity,
    };
  }
  if (classification.notAccepted)
    return { kind: 'triage', because: `may not be accepted: ${classification.notAccepted.reason}` };
  const numbered = NUMBER_ON_SUBMIT_CHANNELS.has(channel) ? { reserveNumber: true as const } : {};
  if (duplicates.length > 0) return { kind: 'triage', because: 'may repeat an open case', ...numbered };
  const { type, categoryCode, confidence } = classification;
  if (rules.autoRegister && type && categoryCode && confidence >= rules.autoRegisterConfidence) {
    return { kind: 'register', type, categoryCode };
  }
  return { kind: 'triage', because: 'the classification is not clear enough', ...numbered };
}
