import { CITY_DISTRICT, WorkflowRole } from '@hotline/contracts';
import type { DemoActor } from './demo-bus';

/**
 * The people the demo's history is attributed to (the event log is the audit log). The sign-in
 * accounts are the gateway's; these are the staff of the story: six agents on shifts, two center
 * reviewers, a handler per unit and the mayor's office.
 */
const AGENTS = [
  'demo-agent-lin',
  'demo-agent-chen',
  'demo-agent-huang',
  'demo-agent-zhang',
  'demo-agent-wu',
  'demo-agent-zheng',
];
const REVIEWERS = ['demo-center-liu', 'demo-center-xu'];

export const demoAgent = (n: number, districtId: string): DemoActor => ({
  actor: { id: AGENTS[n % AGENTS.length] as string, role: WorkflowRole.Agent },
  districtId,
});

export const demoCenter = (n: number, districtId: string): DemoActor => ({
  actor: { id: REVIEWERS[n % REVIEWERS.length] as string, role: WorkflowRole.Center },
  districtId,
});

export const demoUnitUser = (unitId: string, districtId: string): DemoActor => ({
  actor: { id: `demo-handler-${unitId}`, role: WorkflowRole.Unit, unitId },
  districtId,
});

export const demoLeader = (districtId: string): DemoActor => ({
  actor: { id: 'demo-leader-mayor-office', role: WorkflowRole.Leader },
  districtId,
});

/** The city administrator who registers the demo's extra units. */
export const demoAdmin: DemoActor = {
  actor: { id: 'demo-city-admin', role: WorkflowRole.Center },
  districtId: CITY_DISTRICT,
};
