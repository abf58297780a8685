import { ListPublicCaseRecord, ListPublicRecordReviews } from '@hotline/contracts';
import { queryEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import type { PublicRecordService } from './public-record.service';

/** The public record (公开) on the bus. */
export const publicRecordEndpoints = (publicRecord: PublicRecordService): BusEndpoint[] => [
  queryEndpoint(ListPublicCaseRecord, (query) => publicRecord.list(query)),
  queryEndpoint(ListPublicRecordReviews, (query) => publicRecord.reviews(query)),
];
