import type { IvrCallOutcome, IvrStep } from '../ivr-call.messages';
import type { PromptLanguage } from '../telephony.values';
import type { RecordingRef } from './ivr-ports';

/** What one call went through: the path, what it made, how it ended. */
export interface IvrCallReport {
  callId: string;
  flowId: string;
  language: PromptLanguage;
  path: IvrStep[];
  outcome: IvrCallOutcome;
  variables: Record<string, string>;
  recordings: RecordingRef[];
  contactId?: string;
  caseNumber?: string;
  agentId?: string;
  surveyAnswers: Record<string, string>;
}

/** The outcome of one node: where the call goes on, or that it left the flow. */
export type NodeResult = { next: string; digits?: string } | { end: IvrCallOutcome; digits?: string };
