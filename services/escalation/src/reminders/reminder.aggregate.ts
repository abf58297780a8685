import { REMINDER_CATEGORY, reminderCommands, reminderEvents } from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { reminderDecider } from './reminder.decider';

export const reminderAggregate = defineAggregate({
  category: REMINDER_CATEGORY,
  decider: reminderDecider,
  events: reminderEvents,
  commands: reminderCommands,
  keepsDistrict: true,
});
