import type { Actor } from '@hotline/contracts';
import { deciderSpec } from '@hotline/infra/command/testing';
import { kpiTargetsDecider, type KpiTargetsEvent } from './kpi-targets.decider';
import { KpiTargetsError } from './kpi-targets.errors';

const director: Actor = { id: 'center-7', role: 'center', gatewayRole: 'center', name: '王主任' };
const supervisor: Actor = { id: 'sup-1', role: 'agent', gatewayRole: 'supervisor', name: '李班长' };
const now = new Date('2026-12-07T02:00:00Z');
const targets = deciderSpec(kpiTargetsDecider, () => ({
  now,
  actor: director,
  districtId: 'city',
  commandId: 'command-1',
}));

const set = (data: Partial<{ expectedVersion: number; targets: Record<string, number> }> = {}) => ({
  type: 'SetKpiTargets' as const,
  data: {
    expectedVersion: 0,
    targets: { satisfaction: 0.97, onTimeCompletion: 0.95 },
    districtTargets: { gulou: { satisfaction: 0.98 } },
    ...data,
  },
});
const first: KpiTargetsEvent = {
  type: 'KpiTargetsSet',
  data: {
    version: 1,
    targets: { onTimeCompletion: 0.95, satisfaction: 0.97 },
    districtTargets: { gulou: { satisfaction: 0.98 } },
    setBy: { id: 'center-7', name: '王主任' },
    setAt: now.toISOString(),
  },
};

describe('the KPI targets', () => {
  it('sets the whole table as the next version, saying who set it and when', () => {
    targets.given([]).when(set()).then([first]);
  });

  it('changes nothing when the same targets are set again, in any order', () => {
    targets
      .given([first])
      .when(set({ expectedVersion: 1, targets: { onTimeCompletion: 0.95, satisfaction: 0.97 } }))
      .then([]);
  });

  it('refuses an edit made on a version someone changed meanwhile, naming expectedVersion', () => {
    targets
      .given([first])
      .when(set({ expectedVersion: 0, targets: { satisfaction: 0.9 } }))
      .thenRejects(KpiTargetsError.VersionConflict, /^expectedVersion: the targets are at version 1, not 0/);
  });

  it('refuses an unknown KPI and a target outside 0–100 %, naming the KPI', () => {
    targets
      .given([])
      .when(set({ targets: { satisfactoin: 0.9 } }))
      .thenRejects(KpiTargetsError.UnknownKpi, /^targets\.satisfactoin: "satisfactoin" is not a KPI/);
    targets
      .given([])
      .when(set({ targets: { satisfaction: 95 } }))
      .thenRejects(
        KpiTargetsError.OutOfRange,
        /^targets\.satisfaction: the target of satisfaction must be from 0 to 1/,
      );
    targets
      .given([])
      .when({
        type: 'SetKpiTargets',
        data: { expectedVersion: 0, targets: {}, districtTargets: { gulou: { returnRate: -0.1 } } },
      })
      .thenRejects(KpiTargetsError.OutOfRange, /^districtTargets\.gulou\.returnRate:/);
  });

  it('is for the center and the city administrator', () => {
    targets
      .given([])
      .when(set(), { actor: supervisor })
      .thenRejects(KpiTargetsError.RoleNotAllowed, /not supervisor/);
    targets
      .given([])
      .when(set(), { actor: { id: 'admin-1', role: 'center', gatewayRole: 'city-admin' } })
      .then([{ ...first, data: { ...first.data, setBy: { id: 'admin-1' } } }]);
  });
});
