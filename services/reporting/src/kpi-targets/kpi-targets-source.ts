import { KPI_TARGETS_ID, type KpiTargetsSetData } from '@hotline/contracts';
import type { EventStore } from '@hotline/infra/event-store';
import type { KpiTargets } from '../kpis/kpi-targets';
import { kpiTargetsAggregate } from './kpi-targets.aggregate';
import { kpiTargetsDecider, type KpiTargetsState } from './kpi-targets.decider';

/** The targets in force: the setting's (version 0) until the first edit, then the last edit's. */
export interface EffectiveKpiTargets {
  version: number;
  targets: KpiTargets;
  /** A district's own targets over the city's. */
  districtTargets: Readonly<Record<string, KpiTargets>>;
  setBy?: KpiTargetsSetData['setBy'];
  setAt?: string;
  /** Every edit, newest first: the audit trail of the targets (who, when, which version). */
  history: readonly KpiTargetsEdit[];
}

export type KpiTargetsEdit = Pick<KpiTargetsSetData, 'version' | 'setBy' | 'setAt'>;

export interface KpiTargetsSource {
  snapshot(): Promise<EffectiveKpiTargets>;
}

/** The targets a report of `districtId` (or the city's, without one) measures against. */
export function targetsFor(effective: EffectiveKpiTargets, districtId?: string): KpiTargets {
  const own = districtId === undefined ? undefined : effective.districtTargets[districtId];
  return own ? { ...effective.targets, ...own } : effective.targets;
}

export function effectiveKpiTargets(
  initial: KpiTargets,
  state: KpiTargetsState,
  history: readonly KpiTargetsEdit[] = [],
): EffectiveKpiTargets {
  const last = state.last;
  if (!last) return { version: 0, targets: initial, districtTargets: {}, history };
  return {
    version: last.version,
    targets: last.targets,
    districtTargets: last.districtTargets,
    setBy: last.setBy,
    setAt: last.setAt,
    history,
  };
}

/**
 * The targets kept in memory and brought up to date from their stream before each answer (only the
 * events after the last one seen are read), so an edit shows in the very next report, from any replica.
 */
export class StoreKpiTargetsSource implements KpiTargetsSource {
  private state: KpiTargetsState = kpiTargetsDecider.initialState();
  private history: KpiTargetsEdit[] = [];
  private nextRevision = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    /** REPORTING_KPI_TARGETS over the city's defaults: in force until the first edit. */
    private readonly initial: KpiTargets,
  ) {}

  snapshot(): Promise<EffectiveKpiTargets> {
    // One catch-up at a time, each started after the caller asked: every event folded once.
    const next = this.queue.then(() => this.catchUp());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async catchUp(): Promise<EffectiveKpiTargets> {
    const events = await this.store.readStreamOrEmpty(kpiTargetsAggregate.streamId(KPI_TARGETS_ID), {
      fromRevision: this.nextRevision,
    });
    for (const event of events) {
      this.state = kpiTargetsDecider.evolve(this.state, kpiTargetsAggregate.domainEvent(event));
      this.nextRevision = event.revision + 1;
      const { version, setBy, setAt } = this.state.last!;
      this.history = [{ version, setBy, setAt }, ...this.history];
    }
    return effectiveKpiTargets(this.initial, this.state, this.history);
  }
}

/** Fixed targets (tests, tools without an event store). */
export const fixedKpiTargets = (targets: KpiTargets): KpiTargetsSource => {
  const effective = effectiveKpiTargets(targets, kpiTargetsDecider.initialState());
  return { snapshot: () => Promise.resolve(effective) };
};
