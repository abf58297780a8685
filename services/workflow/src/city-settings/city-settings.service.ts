import {
  CommandEnvelopeSchema,
  ValidationError,
  citySettingsCommands,
  citySettingsEvents,
  parseOrThrow,
  type CalendarView,
  type CategoriesView,
  type CommandEnvelope,
  type DeadlineLimitsView,
} from '@hotline/contracts';
import { handleCommand, type CommandHandlerDeps, type CommandResult } from '@hotline/infra/command';
import type { WorkflowSettings } from '../workflow-settings';
import { citySettingsDecider, type CitySettingsCommand } from './city-settings.decider';
import { citySettingsStreamId, type CitySettingsSource } from './city-settings-source';
import { calendarView, categoriesView, deadlineLimitsView } from './effective-settings';

export type CitySettingsCommandType = CitySettingsCommand['type'];

const DEFINITIONS = new Map(citySettingsCommands.map((d) => [d.type as string, d]));
const VERSIONS = new Map<string, number>(citySettingsEvents.map((d) => [d.type, d.version]));

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

  execute(type: CitySettingsCommandType, payload: unknown): Promise<CommandResult> {
    const envelope = parseOrThrow(CommandEnvelopeSchema, payload) as CommandEnvelope;
    if (envelope.type !== type) throw new ValidationError('type', `must be ${type} on this subject`);
    const definition = DEFINITIONS.get(type);
    if (!definition) throw new ValidationError('type', `${type} is not a settings command`);
    const data: unknown = parseOrThrow(definition.schema, envelope.data, 'data');
    return handleCommand(this.deps, {
      streamId: citySettingsStreamId(),
      decider: citySettingsDecider,
      command: { ...envelope, data },
      eventVersions: (eventType) => VERSIONS.get(eventType) ?? 1,
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
