import {
  WorkflowRole,
  type CaseEscalationCommand,
  type CaseEscalationEvent,
  type LadderRung,
} from '@hotline/contracts';
import type { DecideContext, Decider } from '@hotline/infra/command';
import { CaseEscalationError, CaseEscalationRuleViolation } from './case-escalation.errors';

export interface CaseEscalationState {
  /** `<point>:<key>` of every point fired. */
  fired: ReadonlySet<string>;
  /** The repeat counts a ladder notice was sent for. */
  laddered: ReadonlySet<number>;
  /** The case was reported to the emergency management office. */
  reportedToEmergencyOffice: boolean;
}

/** The repeat ladder (DOMAIN.md 6): whom the n-th repeat of a complaint goes to. */
export const ladderRung = (repeatCount: number): LadderRung =>
  repeatCount === 1 ? 'unit-head' : repeatCount === 2 ? 'unit-top-leader' : 'city-government';

function requireSystem(context: DecideContext, action: string): void {
  if (context.actor.role !== WorkflowRole.System) {
    throw new CaseEscalationRuleViolation(
      CaseEscalationError.RoleNotAllowed,
      `${action} is the platform's own, not ${context.actor.role}'s`,
      { role: context.actor.role },
    );
  }
}

/**
 * A case's escalation stream: the due points it reached and the ladder notices it caused. Firing a
 * point twice (two instances, a retry, a restart between due time and firing) decides nothing the
 * second time, and the expected-revision append keeps one of two racing firings.
 */
export const caseEscalationDecider: Decider<CaseEscalationCommand, CaseEscalationEvent, CaseEscalationState> =
  {
    initialState: () => ({ fired: new Set(), laddered: new Set(), reportedToEmergencyOffice: false }),
    evolve(state, event) {
      switch (event.type) {
        case 'CaseDeadlinePointReached':
          return { ...state, fired: new Set(state.fired).add(`${event.data.point}:${event.data.key}`) };
        case 'RepeatLadderNoticeSent':
          return { ...state, laddered: new Set(state.laddered).add(event.data.repeatCount) };
        case 'EmergencyOfficeReported':
          return { ...state, reportedToEmergencyOffice: true };
        default: {
          const exhaustive: never = event;
          return exhaustive;
        }
      }
    },
    decide(command, state, context) {
      switch (command.type) {
        case 'FireDeadlinePoint': {
          requireSystem(context, 'firing a due point');
          if (state.fired.has(`${command.data.point}:${command.data.key}`)) return [];
          return [{ type: 'CaseDeadlinePointReached', data: command.data }];
        }
        case 'SendLadderNotice': {
          requireSystem(context, 'a ladder notice');
          const { caseId, repeatCount, unitId } = command.data;
          if (state.laddered.has(repeatCount)) return [];
          return [
            {
              type: 'RepeatLadderNoticeSent',
              data: { caseId, repeatCount, rung: ladderRung(repeatCount), ...(unitId ? { unitId } : {}) },
            },
          ];
        }
        case 'ReportToEmergencyOffice': {
          requireSystem(context, 'a report to the emergency office');
          // Once per case: a re-dispatch of the same emergency does not report it again.
          if (state.reportedToEmergencyOffice) return [];
          return [{ type: 'EmergencyOfficeReported', data: command.data }];
        }
        default: {
          const exhaustive: never = command;
          return exhaustive;
        }
      }
    },
  };
