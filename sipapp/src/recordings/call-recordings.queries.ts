import {
  CITY_DISTRICT,
  NotFoundError,
  isCityWideRole,
  type CallRecordingView,
  type CallRecordingsPage,
  type GatewayRole,
  type GetCallRecording,
  type QueryViewer,
  type SearchCallRecordings,
} from '@hotline/contracts';
import type { Filter, ReadStore } from '@hotline/infra/read-store';
import type { z } from 'zod';
import { RECORDINGS, type CallRecordingDocument } from './call-recordings.projection';

/**
 * Which recordings a viewer may hear, as a filter: an agent their own calls; the center's city-wide
 * staff every call (a supervisor bound to a district, that district's cases); a district's
 * administrator the calls linked to its district's cases; a unit's staff only calls linked to a
 * case (the gateway then asks the workflow, as them, whether they may see that case); anyone else
 * nothing. The platform itself (system) sees all.
 */
export function recordingScope(viewer: QueryViewer): Filter {
  const role = viewer.actor.gatewayRole as GatewayRole | undefined;
  if (role === undefined) return viewer.actor.role === 'system' ? {} : NOTHING;
  if (role === 'agent') return { agentId: viewer.actor.id };
  if (isCityWideRole(role))
    return viewer.districtId === CITY_DISTRICT ? {} : { districtId: viewer.districtId };
  if (role === 'district-admin') return { districtId: viewer.districtId };
  if (role === 'unit-handler' || role === 'unit-leader') return { caseId: { $exists: true } };
  return NOTHING;
}

const NOTHING: Filter = { _id: { $in: [] } };

export class CallRecordingQueries {
  constructor(private readonly store: ReadStore) {}

  async search(query: z.output<typeof SearchCallRecordings.schema>): Promise<CallRecordingsPage> {
    const conditions: Filter[] = [{ recordingId: { $exists: true } }, recordingScope(query.viewer)];
    if (query.from) conditions.push({ day: { $gte: query.from } });
    if (query.to) conditions.push({ day: { $lte: query.to } });
    if (query.agentId) conditions.push({ agentId: query.agentId });
    if (query.caseNumber) conditions.push({ caseNumber: query.caseNumber });
    if (query.numberTail) conditions.push({ numberTail: { $regex: `${query.numberTail}$` } });
    const found = await this.store
      .collection<CallRecordingDocument>(RECORDINGS)
      .find({ $and: conditions }, { sort: { startedAt: -1 }, limit: query.limit });
    return { items: found.map(view) };
  }

  /** One recording within the viewer's scope; not found otherwise (nothing says it exists). */
  async get(query: z.output<typeof GetCallRecording.schema>): Promise<CallRecordingView> {
    const found = await this.store
      .collection<CallRecordingDocument>(RECORDINGS)
      .findOne({ $and: [{ recordingId: query.recordingId }, recordingScope(query.viewer)] });
    if (found === null) throw new NotFoundError('call recording', query.recordingId);
    return view(found);
  }
}

function view(document: CallRecordingDocument): CallRecordingView {
  return {
    recordingId: document.recordingId!,
    direction: document.direction,
    ...(document.purpose ? { purpose: document.purpose } : {}),
    startedAt: document.startedAt ?? '',
    seconds: document.seconds ?? 0,
    ...(document.numberMasked ? { numberMasked: document.numberMasked } : {}),
    ...(document.agentId ? { agentId: document.agentId } : {}),
    ...(document.contactId ? { contactId: document.contactId } : {}),
    ...(document.caseId ? { caseId: document.caseId } : {}),
    ...(document.caseNumber ? { caseNumber: document.caseNumber } : {}),
  };
}
