import {
  CITY_DISTRICT,
  WorkflowRole,
  type SupervisionCommand,
  type SupervisionEvent,
} from '@hotline/contracts';
import type { DecideContext, Decider } from '@hotline/infra/command';
import type { CaseFacts } from '../case-facts/case-facts';
import { SupervisionError, SupervisionRuleViolation } from './supervision.errors';

export type SupervisionState =
  | { status: 'none' }
  | {
      status: 'open' | 'responded' | 'overdue' | 'closed';
      caseId: string;
      unitId: string;
      rectifyBy: string;
    };

/** What opening a supervision needs: the case as its own events say. */
export interface SupervisionContext {
  case: CaseFacts | undefined;
}

const fail = (code: SupervisionError, message: string, details?: Record<string, unknown>): never =>
  SupervisionRuleViolation.raise(code, message, details);

function requireRole(context: DecideContext, roles: readonly string[], action: string): void {
  if (!roles.includes(context.actor.role)) {
    fail(SupervisionError.RoleNotAllowed, `${action} is for ${roles.join(', ')}, not ${context.actor.role}`, {
      role: context.actor.role,
    });
  }
}

function requireExisting(state: SupervisionState): Exclude<SupervisionState, { status: 'none' }> {
  return state.status === 'none' ? fail(SupervisionError.NotFound, 'the supervision does not exist') : state;
}

/**
 * A supervision (督办): opened on a dispatched, open case (or a finished one, after a dissatisfied
 * callback) in the caller's district with a
 * rectification deadline in the future; answered in writing by the supervised unit; closed by the
 * center with a verdict. The rectification timer marks it overdue when the answer is late.
 */
export const supervisionDecider: Decider<
  SupervisionCommand,
  SupervisionEvent,
  SupervisionState,
  SupervisionContext
> = {
  initialState: () => ({ status: 'none' }),
  evolve(state, event) {
    switch (event.type) {
      case 'SupervisionOpened':
        return {
          status: 'open',
          caseId: event.data.caseId,
          unitId: event.data.unitId,
          rectifyBy: event.data.rectifyBy,
        };
      case 'SupervisionResponded':
        return state.status === 'none' ? state : { ...state, status: 'responded' };
      case 'SupervisionRectificationOverdue':
        return state.status === 'none' ? state : { ...state, status: 'overdue' };
      case 'SupervisionClosed':
        return state.status === 'none' ? state : { ...state, status: 'closed' };
      default: {
        const exhaustive: never = event;
        return exhaustive;
      }
    }
  },
  decide(command, state, context) {
    switch (command.type) {
      case 'OpenSupervision': {
        requireRole(context, [WorkflowRole.Center, WorkflowRole.System], 'opening a supervision');
        const { data } = command;
        if (state.status !== 'none') {
          if (state.caseId === data.caseId) return [];
          return fail(SupervisionError.AlreadyOpened, 'this supervision id is taken by another case', {
            field: 'supervisionId',
          });
        }
        const facts = context.case;
        if (!facts) return fail(SupervisionError.CaseNotFound, `case ${data.caseId} was not found`);
        if (context.districtId !== CITY_DISTRICT && context.districtId !== facts.districtId) {
          // The same answer whatever the case holds: nothing about it is revealed.
          return fail(SupervisionError.OutOfScope, 'the case is outside your district', { field: 'caseId' });
        }
        // A dissatisfied callback (a random audit above all) comes after the case was completed.
        if (facts.finished && data.scope !== 'dissatisfied-callback')
          return fail(SupervisionError.CaseFinished, 'the case is already completed or closed');
        if (!facts.unitId) {
          return fail(
            SupervisionError.CaseNotDispatched,
            'the case is not with a handling unit to supervise',
          );
        }
        if (Date.parse(data.rectifyBy) <= context.now.getTime()) {
          return fail(SupervisionError.RectificationDeadlineInPast, 'rectifyBy must be in the future', {
            field: 'rectifyBy',
          });
        }
        return [
          {
            type: 'SupervisionOpened',
            data: {
              ...data,
              unitId: facts.unitId,
              automatic: context.actor.role === WorkflowRole.System,
              ...(facts.caseNumber ? { caseNumber: facts.caseNumber } : {}),
            },
          },
        ];
      }
      case 'RespondToSupervision': {
        const current = requireExisting(state);
        if (context.actor.role !== WorkflowRole.Unit || context.actor.unitId !== current.unitId) {
          return fail(SupervisionError.NotFound, 'the supervision does not exist');
        }
        if (current.status !== 'open' && current.status !== 'overdue') {
          return fail(SupervisionError.NotOpen, `the supervision is ${current.status}`);
        }
        return [
          {
            type: 'SupervisionResponded',
            data: {
              supervisionId: command.data.supervisionId,
              unitId: current.unitId,
              response: command.data.response,
            },
          },
        ];
      }
      case 'CloseSupervision': {
        requireRole(context, [WorkflowRole.Center], 'closing a supervision');
        const current = requireExisting(state);
        if (current.status === 'closed') return [];
        return [{ type: 'SupervisionClosed', data: command.data }];
      }
      case 'MarkRectificationOverdue': {
        requireRole(context, [WorkflowRole.System], 'marking a rectification overdue');
        const current = requireExisting(state);
        if (current.status !== 'open') return [];
        return [
          {
            type: 'SupervisionRectificationOverdue',
            data: {
              supervisionId: command.data.supervisionId,
              unitId: current.unitId,
              rectifyBy: current.rectifyBy,
            },
          },
        ];
      }
      default: {
        const exhaustive: never = command;
        return exhaustive;
      }
    }
  },
};
