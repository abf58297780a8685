import { apiGet, apiPost, type QueryValue } from '../../api/http';
import type { DefinePollRoundBody } from './poll-round-definition';

export type PollFrame = 'department' | 'hotline' | 'enterprise' | 'carrier';
export const POLL_FRAMES: PollFrame[] = ['department', 'hotline', 'enterprise', 'carrier'];

export interface PollOption {
  key: string;
  label: string;
  score: number;
}
export interface PollQuestion {
  questionId: string;
  text: string;
  weight: number;
  options: PollOption[];
}
export interface PollQuestionnaire {
  units: { unitId: string; name: string }[];
  questions: PollQuestion[];
}

export interface PollRoundSummary {
  roundId: string;
  title: string;
  status: 'defined' | 'drawn' | 'published';
  definedAt: string;
  verifyBy?: string;
  interviews?: number;
  units: number;
}

export interface PollQuotaRow {
  district: string;
  frame: PollFrame;
  target: number;
  available: number;
  drawn: number;
  taken: number;
  completed: number;
  notReached: number;
  refused: number;
}

export interface PollFrameImport {
  importId: string;
  frame: PollFrame;
  fileName: string;
  accepted: number;
  rejectedCount: number;
  rejected: { line: number; code: string; value: string }[];
  importedAt: string;
  /** A file sent in parts: how many of them arrived. */
  parts?: { imported: number; count: number };
}

/** The IVR robot on a round: running or paused, its frames (none: all) and attempts per number. */
export interface PollRobot {
  running: boolean;
  attempts: number;
  frames: PollFrame[];
  since: string;
}

/** The robot's calls: placed, under way, and how the numbers it called ended. */
export interface PollRobotProgress {
  calls: number;
  inFlight: number;
  answered: number;
  unreachable: number;
  refused: number;
}

export interface PollRound extends Omit<PollRoundSummary, 'units'> {
  questionnaire: PollQuestionnaire;
  auditShare: number;
  imports: PollFrameImport[];
  quotas: PollQuotaRow[];
  ivr?: PollRobot;
  ivrProgress?: PollRobotProgress;
}

export interface PollInterview {
  interviewId: string;
  seq: number;
  phone: string;
  district: string;
  frame: PollFrame;
  unitId?: string;
  status: 'pending' | 'taken' | 'completed' | 'not-reached' | 'refused';
  audit: boolean;
  audited?: boolean;
  upheld?: boolean;
  evaluations?: { unitId: string; answers: Record<string, string> }[];
  comment?: string;
  recordingId?: string;
  /** Answered by the IVR robot (its call), not an interviewer. */
  answeredBy?: 'ivr';
}

export interface PollUnitResult {
  unitId: string;
  name: string;
  interviews: number;
  index: number | null;
  rank: number | null;
  questions: { questionId: string; answered: number; mean: number | null }[];
  verification?: {
    agreed: boolean;
    late: boolean;
    response?: string;
    at: string;
    /** The center's reply to a dispute (二次终审). */
    reply?: PollDisputeReply;
  };
}

export interface PollDisputeReply {
  decision: 'upheld' | 'accepted';
  reasons: string;
  at: string;
  struck: number;
  corrected: number;
}

export interface PollResults {
  roundId: string;
  title: string;
  status: PollRoundSummary['status'];
  verifyBy?: string;
  questions: PollQuestion[];
  units: number;
  rows: PollUnitResult[];
}

type Written = { position?: number; streamId?: string };
const round = (roundId: string) => `/api/survey/polls/${encodeURIComponent(roundId)}`;
const interview = (interviewId: string) => `/api/survey/poll-interviews/${encodeURIComponent(interviewId)}`;

export const listPollRounds = (minPosition?: number) =>
  apiGet<{ items: PollRoundSummary[] }>('/api/survey/polls', { minPosition });
export const getPollRound = (roundId: string, minPosition?: number) =>
  apiGet<PollRound>(round(roundId), { minPosition });
export const listPollInterviews = (roundId: string, query: Record<string, QueryValue>) =>
  apiGet<{ items: PollInterview[]; total: number }>(`${round(roundId)}/interviews`, query);
export const getPollResults = (roundId: string, minPosition?: number) =>
  apiGet<PollResults>(`${round(roundId)}/results`, { minPosition });
export const pollResultsExport = (roundId: string) => `${round(roundId)}/results/export`;

export const definePollRound = (commandId: string, body: DefinePollRoundBody) =>
  apiPost<Written>('/api/survey/polls', { commandId, ...body });
/** Which part of a bigger file a frame import carries (the file's id, the part's index and first line). */
export interface PollFramePartRef {
  fileId: string;
  index: number;
  count: number;
  firstLine: number;
}
export const importPollFrame = (
  roundId: string,
  commandId: string,
  frame: PollFrame,
  fileName: string,
  content: string,
  part?: PollFramePartRef,
) => apiPost<Written>(`${round(roundId)}/frames`, { commandId, frame, fileName, content, part });
export const drawPollSample = (roundId: string, commandId: string) =>
  apiPost<Written>(`${round(roundId)}/sample`, { commandId });
export const publishPollResults = (roundId: string, commandId: string) =>
  apiPost<Written>(`${round(roundId)}/publish`, { commandId });
export const takeNextPollInterview = (roundId: string, commandId: string) =>
  apiPost<Written>(`${round(roundId)}/interviews/next`, { commandId });
export const recordPollInterview = (
  interviewId: string,
  commandId: string,
  body: { evaluations: PollInterview['evaluations']; comment?: string; recordingId?: string },
) => apiPost<Written>(`${interview(interviewId)}/answer`, { commandId, ...body });
export const recordPollFailure = (
  interviewId: string,
  commandId: string,
  failure: 'not-reached' | 'refused',
) => apiPost<Written>(`${interview(interviewId)}/failure`, { commandId, failure });
export const auditPollInterview = (interviewId: string, commandId: string, upheld: boolean, note?: string) =>
  apiPost<Written>(`${interview(interviewId)}/audit`, { commandId, upheld, ...(note ? { note } : {}) });
export const verifyPollResults = (
  roundId: string,
  unitId: string,
  commandId: string,
  agreed: boolean,
  response?: string,
) =>
  apiPost<Written>(`${round(roundId)}/units/${encodeURIComponent(unitId)}/verification`, {
    commandId,
    agreed,
    ...(response ? { response } : {}),
  });

export const startPollRobot = (
  roundId: string,
  commandId: string,
  body: { attempts: number; frames?: PollFrame[] },
) => apiPost<Written>(`${round(roundId)}/ivr/start`, { commandId, ...body });
export const pausePollRobot = (roundId: string, commandId: string) =>
  apiPost<Written>(`${round(roundId)}/ivr/pause`, { commandId });
export const answerPollDispute = (
  roundId: string,
  unitId: string,
  commandId: string,
  body: {
    decision: PollDisputeReply['decision'];
    reasons: string;
    struck: string[];
    corrected: { interviewId: string; answers: Record<string, string> }[];
  },
) =>
  apiPost<Written>(`${round(roundId)}/units/${encodeURIComponent(unitId)}/dispute-reply`, {
    commandId,
    ...body,
  });

/** The round a definition wrote (`pollRound-<id>`). */
export const definedRoundId = (written: Written): string | undefined =>
  written.streamId?.startsWith('pollRound-') ? written.streamId.slice('pollRound-'.length) : undefined;

/** The interview id a take answered, from the stream it wrote (`pollInterview-<id>`). */
export const takenInterviewId = (written: Written): string | undefined =>
  written.streamId?.startsWith('pollInterview-')
    ? written.streamId.slice('pollInterview-'.length)
    : undefined;
