import { apiGet, type QueryValue } from '../../api/http';

/** A recorded call as `GET /api/telephony/recordings` lists it: the number masked, never whole. */
export interface CallRecordingRow {
  recordingId: string;
  direction: 'inbound' | 'outbound';
  purpose?: string;
  startedAt: string;
  seconds: number;
  numberMasked?: string;
  agentId?: string;
  contactId?: string;
  caseId?: string;
  caseNumber?: string;
}

export interface CallRecordingsAnswer {
  items: CallRecordingRow[];
  /** Agents' display names by id: the screen never shows an id. */
  names: Record<string, string>;
}

export const searchCallRecordings = (query: Record<string, QueryValue>) =>
  apiGet<CallRecordingsAnswer>('/api/telephony/recordings', query);

/**
 * Where the audio element reads a recording: the gateway route that checks the listener's scope on
 * every request (there is no public address of a recording).
 */
export const recordingAudioUrl = (recordingId: string) =>
  `/api/telephony/recordings/${encodeURIComponent(recordingId)}/audio`;
