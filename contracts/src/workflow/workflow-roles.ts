/**
 * The actor roles the case workflow knows (`Actor.role`). A unit user also carries `Actor.unitId`.
 */
export const WorkflowRole = {
  /** 坐席: registers, answers at intake, dispatches, calls back. */
  Agent: 'agent',
  /** 热线办: reviews, approves extensions, supervises, closes. */
  Center: 'center',
  /** 承办单位 user: signs, returns, asks for extensions, replies. */
  Unit: 'unit',
  /** 领导: writes instructions. */
  Leader: 'leader',
  /** The platform itself: intake automation, surveys, process managers. */
  System: 'system',
} as const;
export type WorkflowRole = (typeof WorkflowRole)[keyof typeof WorkflowRole];
