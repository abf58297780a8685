import {
  type CalendarView,
  type CategoriesView,
  type DeadlineLimitsView,
  type citySettingsCommands,
} from '@hotline/contracts';
import {
  handleCommand,
  type CommandHandlerDeps,
  type CommandResult,
  type ParsedCommand,
} from '@hotline/infra/command';
import type { WorkflowSettings } from '../workflow-settings';
import { CITY_SETTINGS_ID, citySettingsAggregate } from './city-settings.aggregate';
import type { CitySettingsSource } from './city-settings-source';
import { calendarView, categoriesView, deadlineLimitsView } from './effective-settings';

/** A settings command as its endpoint parsed it. */
export type CitySettingsCommandEnvelope = ParsedCommand<(typeof citySettingsCommands)[number]>;

export interface CitySettingsServiceDeps extends CommandHandlerDeps {
  settings: WorkflowSettings;
  citySettings: CitySettingsSource;
}

/**
 * The city's settings: commands on `citySettings-city` and the effective settings as answers. The
 * answers come from the source that case decisions use, so what a query shows is what applies.
 */
export class CitySettingsService {
  constructor(private readonly deps: CitySettingsServiceDeps) {}

  execute(command: CitySettingsCommandEnvelope): Promise<CommandResult> {
    return handleCommand(this.deps, {
      aggregate: citySettingsAggregate,
      id: CITY_SETTINGS_ID,
      command,
      context: { baseTaxonomy: this.deps.settings.taxonomy },
    });
  }

  async categories(): Promise<CategoriesView> {
    return categoriesView(await this.deps.citySettings.snapshot());
  }

  async calendar(year: number): Promise<CalendarView> {
    return calendarView(this.deps.settings, await this.deps.citySettings.snapshot(), year);
  }

  async deadlineLimits(): Promise<DeadlineLimitsView> {
    return deadlineLimitsView(await this.deps.citySettings.snapshot());
  }
}
