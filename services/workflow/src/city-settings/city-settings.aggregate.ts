import { CITY_SETTINGS_CATEGORY, citySettingsCommands, citySettingsEvents } from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { citySettingsDecider } from './city-settings.decider';

/** The city's own settings: one stream, `citySettings-city`. */
export const citySettingsAggregate = defineAggregate({
  category: CITY_SETTINGS_CATEGORY,
  decider: citySettingsDecider,
  events: citySettingsEvents,
  commands: citySettingsCommands,
});

/** The id of the city's settings stream. */
export const CITY_SETTINGS_ID = 'city';
