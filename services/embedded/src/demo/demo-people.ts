import { CITY_DISTRICT, WorkflowRole } from '@hotline/contracts';
import type { DemoActor } from './demo-bus';

/**
 * The people the demo's history is attributed to (the event log is the audit log). The sign-in
 * accounts are the gateway's; these are the staff of the story: six agents on shifts, two center
 * reviewers, a handler per unit and the mayor's office.
 */
const AGENTS: ReadonlyArray<readonly [string, string]> = [
  ['demo-agent-lin', '林晓'],
  ['demo-agent-chen', '陈静'],
  ['demo-agent-huang', '黄敏'],
  ['demo-agent-zhang', '张伟'],
  ['demo-agent-wu', '吴芳'],
  ['demo-agent-zheng', '郑磊'],
];
const REVIEWERS: ReadonlyArray<readonly [string, string]> = [
  ['demo-center-liu', '刘洋'],
  ['demo-center-xu', '徐丽'],
];

const person = (list: ReadonlyArray<readonly [string, string]>, n: number) => {
  const [id, name] = list[n % list.length] as readonly [string, string];
  return { id, name };
};

export const demoAgent = (n: number, districtId: string): DemoActor => ({
  actor: { ...person(AGENTS, n), role: WorkflowRole.Agent, gatewayRole: 'agent' },
  districtId,
});

export const demoCenter = (n: number, districtId: string): DemoActor => ({
  actor: { ...person(REVIEWERS, n), role: WorkflowRole.Center, gatewayRole: 'center' },
  districtId,
});

export const demoUnitUser = (unitId: string, districtId: string): DemoActor => ({
  actor: { id: `demo-handler-${unitId}`, role: WorkflowRole.Unit, unitId, gatewayRole: 'unit-handler' },
  districtId,
});

export const demoLeader = (districtId: string): DemoActor => ({
  actor: {
    id: 'demo-leader-mayor-office',
    role: WorkflowRole.Leader,
    gatewayRole: 'leader',
    name: '市长办公室',
  },
  districtId,
});

/** The city administrator who registers the demo's extra units. */
export const demoAdmin: DemoActor = {
  actor: { id: 'demo-city-admin', role: WorkflowRole.Center },
  districtId: CITY_DISTRICT,
};
