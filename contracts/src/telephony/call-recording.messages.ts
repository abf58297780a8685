import { z } from 'zod';
import { ClientId } from '../kernel/ids';
import { defineQuery } from '../messages/define';
import { QueryViewer } from '../workflow/queries/query-viewer';
import { TELEPHONY_SERVICE } from './telephony.values';

/** A calendar day in Beijing time, `2026-12-06`. */
const RecordingDay = z.iso.date();

/**
 * The file name a whole call's recording is kept under. The attachments route serves such a file only
 * through a case that references it: a call is heard within the recording's own scope
 * (`/api/telephony/recordings/:id/audio`), not by anyone city-wide who learns its id.
 */
export const CALL_RECORDING_FILE_NAME = '通话录音.wav';

/** The largest page of the recordings search. */
export const CALL_RECORDINGS_PAGE_MAX = 100;

export const SearchCallRecordings = defineQuery({
  type: 'SearchCallRecordings',
  service: TELEPHONY_SERVICE,
  summary:
    "Recorded calls within the viewer's scope, newest first: by day range (Beijing time), agent, case number and the caller number's last digits.",
  schema: z.object({
    viewer: QueryViewer,
    from: RecordingDay.optional(),
    to: RecordingDay.optional(),
    agentId: ClientId.optional(),
    caseNumber: z
      .string()
      .regex(/^\d{8,16}$/, 'must be 8 to 16 digits')
      .optional(),
    /** The last 3 to 4 digits of the caller's (or the called) number. */
    numberTail: z
      .string()
      .regex(/^\d{3,4}$/, 'must be the last 3 or 4 digits of the number')
      .optional(),
    limit: z.coerce.number().int().min(1).max(CALL_RECORDINGS_PAGE_MAX).default(50),
  }),
});

export const GetCallRecording = defineQuery({
  type: 'GetCallRecording',
  service: TELEPHONY_SERVICE,
  summary:
    "One recorded call, when it is within the viewer's scope (otherwise not found, as if it did not exist).",
  schema: z.object({ viewer: QueryViewer, recordingId: ClientId }),
});

export type CallDirection = 'inbound' | 'outbound';

/** A recorded call as staff see it: the number masked, the agent, the contact and case it belongs to. */
export interface CallRecordingView {
  recordingId: string;
  direction: CallDirection;
  /** Why an outbound call was placed (callback, survey, voice notice). */
  purpose?: string;
  startedAt: string;
  seconds: number;
  /** The caller's number (inbound) or the number called (outbound), all but the last four digits masked. */
  numberMasked?: string;
  agentId?: string;
  contactId?: string;
  caseId?: string;
  caseNumber?: string;
}

export interface CallRecordingsPage {
  items: CallRecordingView[];
}

export const callRecordingQueries = [SearchCallRecordings, GetCallRecording] as const;
