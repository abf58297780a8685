import type { MessageMetadata, RecordedEvent } from '@hotline/contracts';

/** A row of the events table as the pg client returns it (bigints as strings). */
export interface EventRow {
  global_position: string;
  stream_id: string;
  stream_revision: string;
  event_id: string;
  event_type: string;
  event_version: number;
  event_data: string;
  event_metadata: string;
  event_time: string;
}

export function toRecordedEvents(rows: EventRow[]): RecordedEvent[] {
  return rows.map((r) => ({
    id: r.event_id,
    type: r.event_type,
    version: r.event_version,
    data: JSON.parse(r.event_data) as unknown,
    metadata: JSON.parse(r.event_metadata) as MessageMetadata,
    time: r.event_time,
    streamId: r.stream_id,
    revision: Number(r.stream_revision),
    position: Number(r.global_position),
  }));
}
