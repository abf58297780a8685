import { GetSuggestionAccuracy } from '@hotline/contracts';
import { queryEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import type { SuggestionAccuracyService } from './suggestion-accuracy.service';

export const suggestionAccuracyEndpoints = (service: SuggestionAccuracyService): BusEndpoint[] => [
  queryEndpoint(GetSuggestionAccuracy, (query) => service.weeks(query)),
];
