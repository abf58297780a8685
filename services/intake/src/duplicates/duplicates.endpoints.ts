import { FindDuplicates, type Clock } from '@hotline/contracts';
import { queryEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import type { DuplicateFinder } from './duplicate-finder';

/** Open cases that a text may repeat (并单 suggestions), on the bus. */
export const duplicatesEndpoints = (duplicates: DuplicateFinder, clock: Clock): BusEndpoint[] => [
  queryEndpoint(FindDuplicates, async (query) => {
    const found = duplicates.find(
      {
        content: query.content,
        limit: query.limit,
        ...(query.phone ? { phone: query.phone } : {}),
        ...(query.categoryCode ? { categoryCode: query.categoryCode } : {}),
        ...(query.place ? { place: query.place } : {}),
      },
      clock.now(),
    );
    return { duplicates: found.suggestions };
  }),
];
