import {
  CITY_DISTRICT,
  WorkflowRole,
  type ReminderChannel,
  type ReminderCommand,
  type ReminderEvent,
} from '@hotline/contracts';
import type { DecideContext, Decider } from '@hotline/infra/command';
import type { CaseFacts } from '../case-facts/case-facts';
import { ReminderError, ReminderRuleViolation } from './reminder.errors';

type DeliveryState = 'pending' | 'delivered' | 'requested' | 'undelivered';

export type ReminderState =
  | { status: 'none' }
  | {
      status: 'sent';
      caseId: string;
      unitId: string;
      deliveries: Partial<Record<ReminderChannel, { attempts: number; state: DeliveryState }>>;
      read: boolean;
    };

export interface ReminderContext {
  /** The case as its own events say (sending only). */
  case: CaseFacts | undefined;
  /** The channels the city sends reminders by; the portal always. */
  channels: readonly ReminderChannel[];
  /** Attempts per channel before a reminder shows as undelivered on it. */
  maxAttempts: number;
}

const fail = (code: ReminderError, message: string, details?: Record<string, unknown>): never =>
  ReminderRuleViolation.raise(code, message, details);

function requireRole(context: DecideContext, roles: readonly string[], action: string): void {
  if (!roles.includes(context.actor.role)) {
    fail(ReminderError.RoleNotAllowed, `${action} is for ${roles.join(', ')}, not ${context.actor.role}`, {
      role: context.actor.role,
    });
  }
}

/**
 * A reminder (催办): sent about an open, dispatched case to the unit holding it, by center staff
 * with a note or by the timers at a due point. The portal badge is delivered with the sending; each
 * other channel reports its attempts, and after the last failed one the reminder shows as
 * undelivered on that channel.
 */
export const reminderDecider: Decider<ReminderCommand, ReminderEvent, ReminderState, ReminderContext> = {
  initialState: () => ({ status: 'none' }),
  evolve(state, event) {
    switch (event.type) {
      case 'ReminderSent':
        return {
          status: 'sent',
          caseId: event.data.caseId,
          unitId: event.data.unitId,
          deliveries: Object.fromEntries(
            event.data.channels.map((channel) => [channel, { attempts: 0, state: 'pending' as const }]),
          ),
          read: false,
        };
      case 'ReminderDeliveryAttempted': {
        if (state.status === 'none') return state;
        const { channel, attempt, outcome } = event.data;
        const next: DeliveryState = outcome === 'failed' ? 'pending' : outcome;
        return {
          ...state,
          deliveries: { ...state.deliveries, [channel]: { attempts: attempt, state: next } },
        };
      }
      case 'ReminderUndelivered': {
        if (state.status === 'none') return state;
        const { channel, attempts } = event.data;
        return {
          ...state,
          deliveries: { ...state.deliveries, [channel]: { attempts, state: 'undelivered' } },
        };
      }
      case 'ReminderRead':
        return state.status === 'none' ? state : { ...state, read: true };
      default: {
        const exhaustive: never = event;
        return exhaustive;
      }
    }
  },
  decide(command, state, context) {
    switch (command.type) {
      case 'SendReminder': {
        requireRole(context, [WorkflowRole.Center, WorkflowRole.System], 'sending a reminder');
        const { data } = command;
        if (state.status !== 'none') {
          return state.caseId === data.caseId
            ? []
            : fail(ReminderError.IdTaken, 'this reminder id is taken by another case', {
                field: 'reminderId',
              });
        }
        const facts = context.case;
        if (!facts) return fail(ReminderError.CaseNotFound, `case ${data.caseId} was not found`);
        if (context.districtId !== CITY_DISTRICT && context.districtId !== facts.districtId) {
          return fail(ReminderError.OutOfScope, 'the case is outside your district', { field: 'caseId' });
        }
        if (facts.finished)
          return fail(ReminderError.CaseClosed, 'the case is completed or closed: nobody to chase');
        if (!facts.unitId)
          return fail(ReminderError.CaseNotDispatched, 'the case is not with a handling unit');
        // An emergency reaches the duty officer at once: a text and a call, whatever the city's channels.
        const wanted: ReminderChannel[] = data.emergency
          ? [...context.channels, 'sms', 'voice']
          : [...context.channels];
        const channels: ReminderChannel[] = ['portal', ...new Set(wanted.filter((c) => c !== 'portal'))];
        return [
          {
            type: 'ReminderSent',
            data: {
              reminderId: data.reminderId,
              caseId: data.caseId,
              ...(facts.caseNumber ? { caseNumber: facts.caseNumber } : {}),
              unitId: facts.unitId,
              automatic: context.actor.role === WorkflowRole.System,
              channels,
              ...(data.point ? { point: data.point } : {}),
              ...(data.note ? { note: data.note } : {}),
              ...(facts.dueAt ? { dueAt: facts.dueAt } : {}),
              ...(data.emergency ? { emergency: true } : {}),
            },
          },
          // The portal's badge is the read model itself: delivered with the sending.
          {
            type: 'ReminderDeliveryAttempted',
            data: {
              reminderId: data.reminderId,
              unitId: facts.unitId,
              channel: 'portal',
              attempt: 1,
              outcome: 'delivered',
            },
          },
        ];
      }
      case 'RecordReminderDelivery': {
        requireRole(context, [WorkflowRole.System], 'recording a delivery');
        if (state.status === 'none') return fail(ReminderError.NotFound, 'the reminder does not exist');
        const { reminderId, channel, attempt, outcome, error } = command.data;
        const delivery = state.deliveries[channel];
        if (!delivery)
          return fail(ReminderError.ChannelNotUsed, `the reminder was not sent by ${channel}`, {
            field: 'channel',
          });
        // A requested voice call is settled by its outcome (the telephony's OutboundCallFinished), once.
        const settles =
          delivery.state === 'requested' && attempt === delivery.attempts && outcome !== 'requested';
        if (!settles && (delivery.state !== 'pending' || attempt <= delivery.attempts)) return [];
        const attempted: ReminderEvent = {
          type: 'ReminderDeliveryAttempted',
          data: { reminderId, unitId: state.unitId, channel, attempt, outcome, ...(error ? { error } : {}) },
        };
        if (outcome !== 'failed' || attempt < context.maxAttempts) return [attempted];
        return [
          attempted,
          {
            type: 'ReminderUndelivered',
            data: { reminderId, unitId: state.unitId, channel, attempts: attempt, error: error ?? 'failed' },
          },
        ];
      }
      case 'MarkReminderRead': {
        if (state.status === 'none') return fail(ReminderError.NotFound, 'the reminder does not exist');
        if (context.actor.role !== WorkflowRole.Unit || context.actor.unitId !== state.unitId) {
          return fail(ReminderError.NotFound, 'the reminder does not exist');
        }
        if (state.read) return [];
        return [
          { type: 'ReminderRead', data: { reminderId: command.data.reminderId, unitId: state.unitId } },
        ];
      }
      default: {
        const exhaustive: never = command;
        return exhaustive;
      }
    }
  },
};
