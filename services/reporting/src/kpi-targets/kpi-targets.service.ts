import { KPI_TARGETS_ID, type kpiTargetsCommands } from '@hotline/contracts';
import {
  handleCommand,
  type CommandHandlerDeps,
  type CommandResult,
  type ParsedCommand,
} from '@hotline/infra/command';
import { kpiTargetsAggregate } from './kpi-targets.aggregate';
import type { EffectiveKpiTargets, KpiTargetsSource } from './kpi-targets-source';

export interface KpiTargetsServiceDeps extends CommandHandlerDeps {
  source: KpiTargetsSource;
}

/** SetKpiTargets on `kpiTargets-city`, and the targets in force as the reports read them. */
export class KpiTargetsService {
  constructor(private readonly deps: KpiTargetsServiceDeps) {}

  execute(command: ParsedCommand<(typeof kpiTargetsCommands)[number]>): Promise<CommandResult> {
    return handleCommand(this.deps, { aggregate: kpiTargetsAggregate, id: KPI_TARGETS_ID, command });
  }

  targets(): Promise<EffectiveKpiTargets> {
    return this.deps.source.snapshot();
  }
}
