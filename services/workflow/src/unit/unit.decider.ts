import {
  WorkflowRole,
  type CommandOf,
  type EventOf,
  type UnitContact,
  type UnitLevel,
  type unitCommands,
  type unitEvents,
} from '@hotline/contracts';
import type { DecideContext, Decider } from '@hotline/infra/command';
import { UnitError, UnitRuleViolation } from './unit.errors';

export type UnitCommand = CommandOf<(typeof unitCommands)[number]>;
export type UnitEvent = EventOf<(typeof unitEvents)[number]>;

export type UnitState =
  | { status: 'none' }
  | {
      status: 'active' | 'inactive';
      unitId: string;
      name: string;
      level: UnitLevel;
      parentId?: string;
      fallback: boolean;
      contacts: UnitContact[];
    };

/** What the unit's rules look up: the parent's state, loaded from its own stream by the handler. */
export interface UnitLookups {
  parent?: UnitState;
}

const RANK: Record<UnitLevel, number> = { city: 0, district: 1, street: 2, community: 3 };
const ADMINS: readonly string[] = [WorkflowRole.Center, WorkflowRole.System];

function requireAdmin(context: DecideContext, action: string): void {
  if (!ADMINS.includes(context.actor.role)) {
    UnitRuleViolation.raise(
      UnitError.RoleNotAllowed,
      `${action} is for ${ADMINS.join(', ')}, not ${context.actor.role}`,
    );
  }
}

function requireRegistered(state: UnitState, unitId: string): Exclude<UnitState, { status: 'none' }> {
  return state.status === 'none'
    ? UnitRuleViolation.raise(UnitError.NotRegistered, `unit ${unitId} is not registered`, { unitId })
    : state;
}

function decide(command: UnitCommand, state: UnitState, context: DecideContext & UnitLookups): UnitEvent[] {
  switch (command.type) {
    case 'RegisterUnit': {
      requireAdmin(context, 'registering a unit');
      const data = command.data;
      if (state.status !== 'none')
        UnitRuleViolation.raise(UnitError.AlreadyRegistered, `unit ${data.unitId} is already registered`);
      if (data.parentId === undefined) {
        if (data.level !== 'city')
          UnitRuleViolation.raise(
            UnitError.ParentRequired,
            `parentId: a ${data.level} unit needs a parent unit`,
            {
              field: 'parentId',
            },
          );
      } else {
        const parent = context.parent ?? { status: 'none' };
        if (parent.status === 'none')
          UnitRuleViolation.raise(
            UnitError.UnknownParent,
            `parentId: unit ${data.parentId} is not registered`,
            {
              field: 'parentId',
            },
          );
        if (parent.status === 'inactive')
          UnitRuleViolation.raise(UnitError.Inactive, `parentId: unit ${data.parentId} is not active`, {
            field: 'parentId',
          });
        if (RANK[data.level] < RANK[parent.level]) {
          UnitRuleViolation.raise(
            UnitError.LevelAboveParent,
            `level: a ${data.level} unit cannot sit under a ${parent.level} unit`,
            { field: 'level' },
          );
        }
      }
      return [{ type: 'UnitRegistered', data }];
    }
    case 'UpdateUnitContacts':
      requireAdmin(context, "changing a unit's contacts");
      requireRegistered(state, command.data.unitId);
      return [{ type: 'UnitContactsUpdated', data: command.data }];
    case 'DeactivateUnit': {
      requireAdmin(context, 'deactivating a unit');
      const unit = requireRegistered(state, command.data.unitId);
      if (unit.status === 'inactive')
        UnitRuleViolation.raise(UnitError.Inactive, `unit ${unit.unitId} is already inactive`);
      return [{ type: 'UnitDeactivated', data: command.data }];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function evolve(state: UnitState, event: UnitEvent): UnitState {
  switch (event.type) {
    case 'UnitRegistered': {
      const { unitId, name, level, parentId, fallback, contacts } = event.data;
      return {
        status: 'active',
        unitId,
        name,
        level,
        ...(parentId !== undefined ? { parentId } : {}),
        fallback,
        contacts,
      };
    }
    case 'UnitContactsUpdated':
      return state.status === 'none' ? state : { ...state, contacts: event.data.contacts };
    case 'UnitDeactivated':
      return state.status === 'none' ? state : { ...state, status: 'inactive' };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** A handling unit (承办单位): stream `unit-<unitId>`. */
export const unitDecider: Decider<UnitCommand, UnitEvent, UnitState, UnitLookups> = {
  decide,
  evolve,
  initialState: () => ({ status: 'none' }),
};
