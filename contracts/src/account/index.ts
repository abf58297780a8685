export * from './account.values';
export * from './account.messages';
export * from './api-token.messages';

import { accountCommands, accountEvents } from './account.messages';
import { apiTokenCommands, apiTokenEvents } from './api-token.messages';

/** The gateway's accounts and API tokens: their commands and events, for the registry and AsyncAPI. */
export const accountDefinitions = [
  ...accountCommands,
  ...accountEvents,
  ...apiTokenCommands,
  ...apiTokenEvents,
];
