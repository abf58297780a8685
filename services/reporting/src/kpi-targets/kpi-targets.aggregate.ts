import { KPI_TARGETS_CATEGORY, kpiTargetsCommands, kpiTargetsEvents } from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { kpiTargetsDecider } from './kpi-targets.decider';

/** The city's KPI targets: one stream, `kpiTargets-city`. */
export const kpiTargetsAggregate = defineAggregate({
  category: KPI_TARGETS_CATEGORY,
  decider: kpiTargetsDecider,
  events: kpiTargetsEvents,
  commands: kpiTargetsCommands,
});
