import type { CommandOf, EventOf } from '../messages/define';
import { caseEscalationCommands, caseEscalationEvents } from './case-escalation.messages';
import { escalationQueries } from './escalation.queries';
import { reminderCommands, reminderEvents } from './reminder.messages';
import { supervisionCommands, supervisionEvents } from './supervision.messages';

export type CaseEscalationCommand = CommandOf<(typeof caseEscalationCommands)[number]>;
export type CaseEscalationEvent = EventOf<(typeof caseEscalationEvents)[number]>;
export type ReminderCommand = CommandOf<(typeof reminderCommands)[number]>;
export type ReminderEvent = EventOf<(typeof reminderEvents)[number]>;
export type SupervisionCommand = CommandOf<(typeof supervisionCommands)[number]>;
export type SupervisionEvent = EventOf<(typeof supervisionEvents)[number]>;

export const escalationDefinitions = [
  ...caseEscalationCommands,
  ...caseEscalationEvents,
  ...reminderCommands,
  ...reminderEvents,
  ...supervisionCommands,
  ...supervisionEvents,
  ...escalationQueries,
] as const;
