import {
  GetDispatchCatalogue,
  ListUnits,
  SuggestUnit,
  dispatchCatalogueCommands,
  unitCommands,
} from '@hotline/contracts';
import { commandEndpoint, queryEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import type { UnitCommandService } from './unit-command.service';
import type { UnitQueryService } from './unit-query.service';

/** Commands and queries of handling units and the dispatch catalogue on the bus. */
export const unitEndpoints = (deps: {
  commands: UnitCommandService;
  queries: UnitQueryService;
}): BusEndpoint[] => [
  ...[...unitCommands, ...dispatchCatalogueCommands].map((definition) =>
    commandEndpoint(definition, (command) => deps.commands.execute(command)),
  ),
  queryEndpoint(ListUnits, (query) => deps.queries.listUnits(query)),
  queryEndpoint(GetDispatchCatalogue, (query) => deps.queries.catalogue(query)),
  queryEndpoint(SuggestUnit, (query) => deps.queries.suggest(query)),
];
