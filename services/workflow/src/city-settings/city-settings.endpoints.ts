import { GetCalendar, GetCategories, GetDeadlineLimits, citySettingsCommands } from '@hotline/contracts';
import { commandEndpoint, queryEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import type { CitySettingsService } from './city-settings.service';

/** The city's settings on the bus: its commands, and the effective settings as answers. */
export const citySettingsEndpoints = (settings: CitySettingsService): BusEndpoint[] => [
  ...citySettingsCommands.map((definition) =>
    commandEndpoint(definition, (command) => settings.execute(command)),
  ),
  queryEndpoint(GetCategories, () => settings.categories()),
  queryEndpoint(GetCalendar, (query) => settings.calendar(query.year)),
  queryEndpoint(GetDeadlineLimits, () => settings.deadlineLimits()),
];
