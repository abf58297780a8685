import { ACCOUNT_CATEGORY, accountCommands, accountEvents } from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { accountDecider } from './account.decider';

/** A gateway account (`account-<username>`): scope, password, lockout. */
export const accountAggregate = defineAggregate({
  category: ACCOUNT_CATEGORY,
  decider: accountDecider,
  events: accountEvents,
  commands: accountCommands,
});
