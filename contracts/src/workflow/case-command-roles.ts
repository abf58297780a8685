import type { GatewayRole } from '../kernel/gateway-roles';
import type { CaseCommandType } from './case.messages';
import { WorkflowRole } from './workflow-roles';

const INTAKE = [WorkflowRole.Agent, WorkflowRole.Center, WorkflowRole.System] as const;
const DISPATCH = [WorkflowRole.Agent, WorkflowRole.Center, WorkflowRole.System] as const;
const CENTER = [WorkflowRole.Center] as const;
/** 承办单位: the unit user acts for their own unit (`Actor.unitId`). */
const UNIT = [WorkflowRole.Unit] as const;

/**
 * Who may send each case command, in the workflow's actor roles: the case decider refuses anyone
 * else (`CASE_ROLE_NOT_ALLOWED`), and the gateway documents each case action for exactly the
 * gateway roles that map to one of these (`ACTOR_ROLE_OF`), so the two never disagree.
 */
export const CASE_COMMAND_ROLES = {
  RegisterCase: INTAKE,
  AnswerCaseAtIntake: INTAKE,
  DeclineCase: INTAKE,
  MergeCase: INTAKE,
  LinkDuplicateCase: INTAKE,
  RecordCaseRepeatContact: INTAKE,
  DispatchCase: DISPATCH,
  RedispatchCase: DISPATCH,
  DispatchCaseToFallbackUnit: DISPATCH,
  SubDispatchCase: UNIT,
  ReportCaseToLeader: [WorkflowRole.Agent, WorkflowRole.Center],
  /** 领导批示. */
  RecordLeaderInstruction: [WorkflowRole.Leader],
  SignCase: UNIT,
  ReturnCase: UNIT,
  RequestCaseExtension: UNIT,
  ApproveCaseExtension: CENTER,
  RejectCaseExtension: CENTER,
  SubmitCoHandlerReply: UNIT,
  SubmitCaseReply: UNIT,
  AcceptCaseReply: CENTER,
  SendBackCaseReply: CENTER,
  RecordCaseCallback: [WorkflowRole.Agent, WorkflowRole.Center, WorkflowRole.System],
  CloseCase: [WorkflowRole.Center, WorkflowRole.System],
  /** 重办: the center, or the survey's process manager after a dissatisfied callback with the unit at fault. */
  RedoCase: [WorkflowRole.Center, WorkflowRole.System],
  ReviewPublicRecord: CENTER,
} as const satisfies Record<CaseCommandType, readonly WorkflowRole[]>;

/** Handling units read contacts through cases; only the hotline (and the platform itself) acts on them. */
export const CONTACT_COMMAND_ROLES: readonly WorkflowRole[] = INTAKE;

/**
 * The workflow/intake actor role of each gateway role. Those services' deciders know agent,
 * center, unit, leader and system; the gateway's finer roles are enforced by the gateway (an
 * auditor only reaches read routes) and travel in `Actor.gatewayRole` for the audit log.
 */
export const ACTOR_ROLE_OF: Readonly<Record<GatewayRole, WorkflowRole>> = {
  agent: WorkflowRole.Agent,
  supervisor: WorkflowRole.Agent,
  center: WorkflowRole.Center,
  'unit-handler': WorkflowRole.Unit,
  'unit-leader': WorkflowRole.Unit,
  'district-admin': WorkflowRole.Center,
  'city-admin': WorkflowRole.Center,
  auditor: WorkflowRole.Center,
  // 领导: reads every case and writes instructions (批示) on them; no other case action.
  leader: WorkflowRole.Leader,
};
