import type { CommandOf, EventOf } from '../messages/define';
import { routingCommands } from './routing.commands';
import { routingEvents } from './routing.events';
import { routingQueries } from './routing.queries';
import { skillCatalogueDefinitions } from './skill-catalogue';

export type RouterCommand = CommandOf<(typeof routingCommands)[number]>;
export type RouterEvent = EventOf<(typeof routingEvents)[number]>;

export const routingDefinitions = [
  ...routingCommands,
  ...routingEvents,
  ...routingQueries,
  ...skillCatalogueDefinitions,
] as const;
