import {
  CASE_CATEGORY,
  CaseRegistered,
  CaseRepeatContactRecorded,
  IVR_CALL_CATEGORY,
  IvrCallEnded,
  OUTBOUND_CALL_CATEGORY,
  OutboundCallFinished,
  OutboundCallRequested,
  maskPhone,
  type CallDirection,
  type RecordedEvent,
} from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { ReadDocument, ReadStore } from '@hotline/infra/read-store';
import type { z } from 'zod';

export const RECORDINGS = 'call_recordings';
/** Contact → its call's recording and its case: a case registered before the call ended still links. */
export const RECORDING_CONTACTS = 'call_recording_contacts';
/** Case → number and district, for outbound calls (they name only the case id). */
export const RECORDING_CASES = 'call_recording_cases';

/** A call (recorded or, for outbound, requested and maybe recorded later) as the search reads it. */
export interface CallRecordingDocument extends ReadDocument {
  _id: string;
  /** Set once the call was recorded and kept; documents without one are not shown. */
  recordingId?: string;
  direction: CallDirection;
  purpose?: string;
  startedAt?: string;
  /** Beijing day of `startedAt`, for the day range. */
  day?: string;
  seconds?: number;
  numberMasked?: string;
  /** The number's last four digits (a caller is searched by them, never by the whole number). */
  numberTail?: string;
  agentId?: string;
  contactId?: string;
  caseId?: string;
  caseNumber?: string;
  /** The case's district: district-bound staff see the recordings of their district's cases. */
  districtId?: string;
}

interface ContactLink extends ReadDocument {
  _id: string;
  recordingKey?: string;
  caseId?: string;
  caseNumber?: string;
  districtId?: string;
}

interface CaseLink extends ReadDocument {
  _id: string;
  caseNumber: string;
  districtId: string;
}

export const chinaDay = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

const numberFields = (number: string | undefined) =>
  number === undefined ? {} : { numberMasked: maskPhone(number), numberTail: number.slice(-4) };

/**
 * The call recordings (issue 14): each recorded call with its agent, time, direction, length, masked
 * number, contact and case. An inbound call's contact becomes a case when an agent registers it (often
 * during the call, so before the call's end is known): the link is kept per contact either way round.
 */
export const callRecordingsProjection = (): Projection => ({
  name: 'sipapp-call-recordings',
  version: 1,
  collections: [RECORDINGS, RECORDING_CONTACTS, RECORDING_CASES],
  filter: {
    streamPrefixes: [`${IVR_CALL_CATEGORY}-`, `${OUTBOUND_CALL_CATEGORY}-`, `${CASE_CATEGORY}-`],
    eventTypes: [
      IvrCallEnded.type,
      OutboundCallRequested.type,
      OutboundCallFinished.type,
      CaseRegistered.type,
      CaseRepeatContactRecorded.type,
    ],
  },
  async setup(store: ReadStore) {
    const recordings = store.collection(RECORDINGS);
    await recordings.createIndex({ startedAt: -1 });
    await recordings.createIndex({ agentId: 1, startedAt: -1 });
    await recordings.createIndex({ caseNumber: 1 });
    await recordings.createIndex({ numberTail: 1 });
  },
  async handle(event: RecordedEvent, store: ReadStore, context: ProjectionContext) {
    switch (event.type) {
      case IvrCallEnded.type:
        return inboundCall(event.data as z.output<typeof IvrCallEnded.schema>, store, context);
      case OutboundCallRequested.type: {
        const data = event.data as z.output<typeof OutboundCallRequested.schema>;
        const known = data.caseId
          ? await store.collection<CaseLink>(RECORDING_CASES).findOne({ _id: data.caseId })
          : null;
        context.guardedUpdate(RECORDINGS, `out:${data.callId}`, {
          $set: {
            direction: 'outbound',
            purpose: data.purpose,
            ...numberFields(data.number),
            ...(data.agentId ? { agentId: data.agentId } : {}),
            ...(data.caseId ? { caseId: data.caseId } : {}),
            ...(known ? { caseNumber: known.caseNumber, districtId: known.districtId } : {}),
          },
        });
        return;
      }
      case OutboundCallFinished.type: {
        const data = event.data as z.output<typeof OutboundCallFinished.schema>;
        if (data.recording === undefined) return;
        const startedAt = new Date(Date.parse(event.time) - (data.talkSeconds ?? 0) * 1000).toISOString();
        context.guardedUpdate(RECORDINGS, `out:${data.callId}`, {
          $set: {
            recordingId: data.recording.recordingId,
            seconds: data.recording.seconds,
            startedAt,
            day: chinaDay(startedAt),
          },
        });
        return;
      }
      case CaseRegistered.type: {
        const data = event.data as z.output<typeof CaseRegistered.schema>;
        const districtId = event.metadata.districtId;
        context.guardedUpdate(RECORDING_CASES, data.caseId, {
          $set: { caseNumber: data.caseNumber, districtId },
        });
        if (data.contactId)
          await linkContact(
            data.contactId,
            { caseId: data.caseId, caseNumber: data.caseNumber, districtId },
            store,
            context,
          );
        return;
      }
      case CaseRepeatContactRecorded.type: {
        const data = event.data as z.output<typeof CaseRepeatContactRecorded.schema>;
        const known = await store.collection<CaseLink>(RECORDING_CASES).findOne({ _id: data.caseId });
        if (known)
          await linkContact(
            data.contactId,
            { caseId: data.caseId, caseNumber: known.caseNumber, districtId: known.districtId },
            store,
            context,
          );
        return;
      }
    }
  },
});

async function inboundCall(
  data: z.output<typeof IvrCallEnded.schema>,
  store: ReadStore,
  context: ProjectionContext,
): Promise<void> {
  if (data.recording === undefined) return;
  const key = `in:${data.callId}`;
  const link = data.contactId
    ? await store.collection<ContactLink>(RECORDING_CONTACTS).findOne({ _id: data.contactId })
    : null;
  context.guardedUpdate(RECORDINGS, key, {
    $set: {
      recordingId: data.recording.recordingId,
      direction: 'inbound',
      startedAt: data.startedAt,
      day: chinaDay(data.startedAt),
      seconds: data.recording.seconds,
      ...numberFields(data.callerNumber),
      ...(data.agentId ? { agentId: data.agentId } : {}),
      ...(data.contactId ? { contactId: data.contactId } : {}),
      // A complaint's reserved number is the case's number once registered.
      ...(data.caseNumber ? { caseNumber: data.caseNumber } : {}),
      ...(link?.caseId
        ? { caseId: link.caseId, caseNumber: link.caseNumber, districtId: link.districtId }
        : {}),
    },
  });
  if (data.contactId)
    context.guardedUpdate(RECORDING_CONTACTS, data.contactId, { $set: { recordingKey: key } });
}

async function linkContact(
  contactId: string,
  kase: { caseId: string; caseNumber: string; districtId: string },
  store: ReadStore,
  context: ProjectionContext,
): Promise<void> {
  const link = await store.collection<ContactLink>(RECORDING_CONTACTS).findOne({ _id: contactId });
  context.guardedUpdate(RECORDING_CONTACTS, contactId, { $set: kase });
  if (link?.recordingKey) context.guardedUpdate(RECORDINGS, link.recordingKey, { $set: kase });
}
