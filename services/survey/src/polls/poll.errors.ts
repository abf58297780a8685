import { RuleViolation, type Actor } from '@hotline/contracts';

export enum PollError {
  RoleNotAllowed = 'POLL_ROLE_NOT_ALLOWED',
  RoundExists = 'POLL_ROUND_EXISTS',
  RoundNotFound = 'POLL_ROUND_NOT_FOUND',
  SampleDrawn = 'POLL_SAMPLE_DRAWN',
  SampleNotDrawn = 'POLL_SAMPLE_NOT_DRAWN',
  FramesEmpty = 'POLL_FRAMES_EMPTY',
  InterviewNotFound = 'POLL_INTERVIEW_NOT_FOUND',
  InterviewTaken = 'POLL_INTERVIEW_TAKEN',
  InterviewFinished = 'POLL_INTERVIEW_FINISHED',
  NotYourInterview = 'POLL_NOT_YOUR_INTERVIEW',
  NoInterviewLeft = 'POLL_NO_INTERVIEW_LEFT',
  NotDrawnForAudit = 'POLL_NOT_DRAWN_FOR_AUDIT',
  InvalidAnswer = 'POLL_INVALID_ANSWER',
  ResultsNotPublished = 'POLL_RESULTS_NOT_PUBLISHED',
  UnitNotEvaluated = 'POLL_UNIT_NOT_EVALUATED',
  PromptTooLong = 'POLL_PROMPT_TOO_LONG',
  NotRobotInterview = 'POLL_NOT_ROBOT_INTERVIEW',
  CallNotDue = 'POLL_CALL_NOT_DUE',
  NotDisputed = 'POLL_NOT_DISPUTED',
  DisputeAnswered = 'POLL_DISPUTE_ANSWERED',
}

/** A refused role is 403, an unknown round, interview or unit 404, a bad answer 400, any other rule 422. */
export class PollRuleViolation extends RuleViolation<PollError> {
  static override readonly kinds = {
    [PollError.RoleNotAllowed]: 'forbidden',
    [PollError.NotYourInterview]: 'forbidden',
    [PollError.RoundNotFound]: 'not-found',
    [PollError.InterviewNotFound]: 'not-found',
    [PollError.UnitNotEvaluated]: 'not-found',
    [PollError.InvalidAnswer]: 'validation',
  } as const;
}

/**
 * The role the polls' rules name: the gateway signs a supervisor (班长) in as an agent, yet auditing
 * is the supervisor's (审核员), so the gateway role recorded on the actor tells the two apart.
 */
export const pollRoleOf = (actor: Actor): string =>
  actor.gatewayRole === 'supervisor' ? 'supervisor' : actor.role;

/** Refuses an actor whose role is not in `roles`. */
export function requireRole(actor: Actor, roles: readonly string[], what: string): void {
  const role = pollRoleOf(actor);
  if (!roles.includes(role))
    throw new PollRuleViolation(PollError.RoleNotAllowed, `role ${role} cannot ${what}`);
}

/** Who runs a poll round: the center (and the platform, for the demo city). */
export const ORGANISERS = ['center', 'system'] as const;
/** Who interviews: the desk's agents and supervisors (访问员), and the survey robot (`system`). */
export const INTERVIEWERS = ['agent', 'supervisor', 'center', 'system'] as const;
/** Who places and records the robot's calls: the survey service itself. */
export const ROBOT = ['system'] as const;
/** Who re-checks interviews against their recordings (审核员). */
export const AUDITORS = ['supervisor', 'center'] as const;
