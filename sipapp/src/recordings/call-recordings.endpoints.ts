import { GetCallRecording, SearchCallRecordings } from '@hotline/contracts';
import { queryEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import { CallRecordingQueries } from './call-recordings.queries';
import type { ReadStore } from '@hotline/infra/read-store';

/** `SearchCallRecordings` and `GetCallRecording` on the bus (the gateway's recordings routes). */
export function callRecordingEndpoints(store: ReadStore): BusEndpoint[] {
  const queries = new CallRecordingQueries(store);
  return [
    queryEndpoint(SearchCallRecordings, (query) => queries.search(query)),
    queryEndpoint(GetCallRecording, (query) => queries.get(query)),
  ];
}
