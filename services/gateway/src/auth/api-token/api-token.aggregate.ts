import { API_TOKEN_CATEGORY, apiTokenCommands, apiTokenEvents } from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { apiTokenDecider } from './api-token.decider';

/** An API token (`apiToken-<tokenId>`): issued, revoked. */
export const apiTokenAggregate = defineAggregate({
  category: API_TOKEN_CATEGORY,
  decider: apiTokenDecider,
  events: apiTokenEvents,
  commands: apiTokenCommands,
});
