import { SUPERVISION_CATEGORY, supervisionCommands, supervisionEvents } from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { supervisionDecider } from './supervision.decider';

export const supervisionAggregate = defineAggregate({
  category: SUPERVISION_CATEGORY,
  decider: supervisionDecider,
  events: supervisionEvents,
  commands: supervisionCommands,
  keepsDistrict: true,
});
