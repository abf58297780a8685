import { HISTORICAL_CASE_CATEGORY, historicalCaseEvents, type HistoricalCaseEvent } from '@hotline/contracts';
import { defineAggregate, type Decider } from '@hotline/infra/command';

type Imported = Extract<HistoricalCaseEvent, { type: 'HistoricalCaseImported' }>['data'];

/** The import's decision on one case of the previous system. */
export type HistoricalCaseDecision = { type: 'Import'; data: Imported };

/** A case imported once: a second import of the same case number changes nothing. */
const historicalCaseDecider: Decider<HistoricalCaseDecision, HistoricalCaseEvent, { imported: boolean }> = {
  initialState: () => ({ imported: false }),
  evolve: () => ({ imported: true }),
  decide: (command, state) =>
    state.imported ? [] : [{ type: 'HistoricalCaseImported', data: command.data }],
};

/** A case of the previous system (`historicalCase-<sourceId>`). */
export const historicalCaseAggregate = defineAggregate({
  category: HISTORICAL_CASE_CATEGORY,
  decider: historicalCaseDecider,
  events: historicalCaseEvents,
});
