import { ClassifyContent } from '@hotline/contracts';
import { queryEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import type { ContentClassifier } from './content-classifier.port';

/** Category suggestions for a text, on the bus. */
export const classificationEndpoints = (classifier: ContentClassifier): BusEndpoint[] => [
  queryEndpoint(ClassifyContent, (query) =>
    classifier.classify({ content: query.content, ...(query.channel ? { channel: query.channel } : {}) }),
  ),
];
