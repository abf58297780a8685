import {
  CASE_KPI_KEYS,
  type CommandOf,
  type EventOf,
  type KpiTargetTable,
  type kpiTargetsCommands,
  type kpiTargetsEvents,
} from '@hotline/contracts';
import type { DecideContext, Decider } from '@hotline/infra/command';
import { KpiTargetsError, KpiTargetsRuleViolation } from './kpi-targets.errors';

export type KpiTargetsCommand = CommandOf<(typeof kpiTargetsCommands)[number]>;
export type KpiTargetsEvent = EventOf<(typeof kpiTargetsEvents)[number]>;
type KpiTargetsSetData = Extract<KpiTargetsEvent, { type: 'KpiTargetsSet' }>['data'];

/** Version 0 and no edit: the setting REPORTING_KPI_TARGETS is in force. */
export interface KpiTargetsState {
  version: number;
  last?: KpiTargetsSetData;
}

/** The center's staff and the city administrator set the targets (the gateway's roles). */
export const KPI_TARGET_EDITORS: readonly string[] = ['center', 'city-admin'];

const KNOWN = new Set<string>(CASE_KPI_KEYS);

/** Every target names a KPI of the report and is a ratio from 0 to 1; the message names the KPI. */
function checkTable(table: KpiTargetTable, path: string): void {
  for (const [key, value] of Object.entries(table)) {
    const field = `${path}.${key}`;
    if (!KNOWN.has(key))
      KpiTargetsRuleViolation.raise(
        KpiTargetsError.UnknownKpi,
        `${field}: "${key}" is not a KPI (one of ${CASE_KPI_KEYS.join(', ')})`,
        { field, kpi: key },
      );
    if (!Number.isFinite(value) || value < 0 || value > 1)
      KpiTargetsRuleViolation.raise(
        KpiTargetsError.OutOfRange,
        `${field}: the target of ${key} must be from 0 to 1 (0–100 %), not ${value}`,
        { field, kpi: key },
      );
  }
}

const sameTables = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function decide(
  command: KpiTargetsCommand,
  state: KpiTargetsState,
  context: DecideContext,
): KpiTargetsEvent[] {
  const { actor } = context;
  const role = actor.role === 'system' ? 'system' : actor.gatewayRole;
  if (role !== 'system' && !KPI_TARGET_EDITORS.includes(role ?? ''))
    KpiTargetsRuleViolation.raise(
      KpiTargetsError.RoleNotAllowed,
      `setting the KPI targets is for ${KPI_TARGET_EDITORS.join(', ')}, not ${role ?? actor.role}`,
    );
  switch (command.type) {
    case 'SetKpiTargets': {
      const { expectedVersion, targets, districtTargets } = command.data;
      if (expectedVersion !== state.version)
        KpiTargetsRuleViolation.raise(
          KpiTargetsError.VersionConflict,
          `expectedVersion: the targets are at version ${state.version}, not ${expectedVersion}: someone set them meanwhile; reload and edit again`,
          { field: 'expectedVersion', version: state.version },
        );
      checkTable(targets, 'targets');
      for (const [districtId, table] of Object.entries(districtTargets))
        checkTable(table, `districtTargets.${districtId}`);
      const sorted = sortTables(targets, districtTargets);
      const last = state.last;
      if (last && sameTables(sortTables(last.targets, last.districtTargets), sorted)) return [];
      const setBy = { id: actor.id, ...(actor.name !== undefined ? { name: actor.name } : {}) };
      return [
        {
          type: 'KpiTargetsSet',
          data: { version: state.version + 1, ...sorted, setBy, setAt: context.now.toISOString() },
        },
      ];
    }
    default: {
      const unknown: never = command.type;
      return unknown;
    }
  }
}

/** Keys in a fixed order, so the same targets are the same event whatever order the form sent. */
function sortTables(
  targets: KpiTargetTable,
  districtTargets: Record<string, KpiTargetTable>,
): { targets: KpiTargetTable; districtTargets: Record<string, KpiTargetTable> } {
  const sorted = (table: KpiTargetTable) =>
    Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    targets: sorted(targets),
    districtTargets: Object.fromEntries(
      Object.entries(districtTargets)
        .filter(([, table]) => Object.keys(table).length > 0)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([districtId, table]) => [districtId, sorted(table)]),
    ),
  };
}

function evolve(state: KpiTargetsState, event: KpiTargetsEvent): KpiTargetsState {
  switch (event.type) {
    case 'KpiTargetsSet':
      return { version: event.data.version, last: event.data };
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}

/** The KPIs' targets (考核目标): stream `kpiTargets-city`, each edit the whole table, versioned. */
export const kpiTargetsDecider: Decider<KpiTargetsCommand, KpiTargetsEvent, KpiTargetsState> = {
  decide,
  evolve,
  initialState: () => ({ version: 0 }),
};
