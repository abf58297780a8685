import { MemoryFollower, type ProjectionSource } from '@hotline/infra/projection';
import type { Logger } from '@hotline/infra/telemetry';
import { CATEGORY_EVENTS, type EffectiveCategories } from './effective-categories';
import { HISTORY_EVENTS, type LabelledHistory } from './labelled-history';

/**
 * What the classifier learns from the workflow, kept in memory and replayed at every start: the
 * effective categories (retired ones are not suggested) and the labelled history it trains on.
 */
export const classifierFollower = (
  categories: EffectiveCategories,
  history: LabelledHistory,
  source: ProjectionSource,
  logger: Logger,
  readAfterWriteTimeoutMs: number,
): MemoryFollower =>
  new MemoryFollower({
    name: "the classifier's categories and history",
    source,
    filter: { eventTypes: [...CATEGORY_EVENTS, ...HISTORY_EVENTS] },
    logger,
    readAfterWriteTimeoutMs,
    apply: (event) => {
      if (CATEGORY_EVENTS.includes(event.type)) categories.apply(event);
      else history.apply(event);
    },
  });
