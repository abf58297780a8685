import {
  CommandEnvelopeSchema,
  ValidationError,
  dispatchCatalogueCommands,
  dispatchCatalogueEvents,
  parseOrThrow,
  unitCommands,
  unitEvents,
  type CommandEnvelope,
  type RecordedEvent,
} from '@hotline/contracts';
import { handleCommand, type CommandHandlerDeps, type CommandResult } from '@hotline/infra/command';
import { StreamNotFound } from '@hotline/infra/event-store';
import type { CitySettingsSource } from '../city-settings/city-settings-source';
import {
  dispatchCatalogueDecider,
  type CatalogueCommand,
} from '../dispatch-catalogue/dispatch-catalogue.decider';
import { unitDecider, type UnitCommand, type UnitEvent, type UnitState } from './unit.decider';

export type UnitCommandType = UnitCommand['type'] | CatalogueCommand['type'];

const DEFINITIONS = new Map<
  string,
  (typeof unitCommands)[number] | (typeof dispatchCatalogueCommands)[number]
>([...unitCommands, ...dispatchCatalogueCommands].map((d) => [d.type, d]));
const VERSIONS = new Map<string, number>(
  [...unitEvents, ...dispatchCatalogueEvents].map((d) => [d.type, d.version]),
);
const eventVersion = (type: string): number => VERSIONS.get(type) ?? 1;

export const unitStreamId = (unitId: string): string => `unit-${unitId}`;
export const catalogueStreamId = (catalogueId: string): string => `dispatchCatalogue-${catalogueId}`;

/**
 * Handles the commands of handling units (`unit-<unitId>`) and of the dispatch catalogue
 * (`dispatchCatalogue-<catalogueId>`). The units a command names are read from their own streams,
 * so a unit registered a moment ago is known even before the read models have it.
 */
export class UnitCommandService {
  constructor(private readonly deps: CommandHandlerDeps & { citySettings: CitySettingsSource }) {}

  async execute(type: UnitCommandType, payload: unknown): Promise<CommandResult> {
    const envelope = parseOrThrow(CommandEnvelopeSchema, payload) as CommandEnvelope;
    if (envelope.type !== type) throw new ValidationError('type', `must be ${type} on this subject`);
    const definition = DEFINITIONS.get(type);
    if (!definition) throw new ValidationError('type', `${type} is not a unit or catalogue command`);
    const command = { type, data: parseOrThrow(definition.schema, envelope.data, 'data') } as
      UnitCommand | CatalogueCommand;
    const parsed = { ...envelope, data: command.data };
    switch (command.type) {
      case 'RegisterUnit':
      case 'UpdateUnitContacts':
      case 'DeactivateUnit': {
        const parentId = command.type === 'RegisterUnit' ? command.data.parentId : undefined;
        return handleCommand(this.deps, {
          streamId: unitStreamId(command.data.unitId),
          decider: unitDecider,
          command: parsed,
          eventVersions: eventVersion,
          context: parentId !== undefined ? { parent: await this.unit(parentId) } : {},
        });
      }
      case 'SetDispatchCatalogueEntry':
      case 'RemoveDispatchCatalogueEntry': {
        const unitId = command.type === 'SetDispatchCatalogueEntry' ? command.data.unitId : undefined;
        return handleCommand(this.deps, {
          streamId: catalogueStreamId(command.data.catalogueId),
          decider: dispatchCatalogueDecider,
          command: parsed,
          eventVersions: eventVersion,
          context: {
            taxonomy: (await this.deps.citySettings.snapshot()).taxonomy,
            ...(unitId !== undefined ? { unit: await this.unit(unitId) } : {}),
          },
        });
      }
      default: {
        const unknown: never = command;
        return unknown;
      }
    }
  }

  /** A unit's current state, folded from its stream. */
  private async unit(unitId: string): Promise<UnitState> {
    let events: RecordedEvent[] = [];
    try {
      events = await this.deps.store.readStream(unitStreamId(unitId));
    } catch (error) {
      if (!(error instanceof StreamNotFound)) throw error;
    }
    return events.reduce(
      (state, event) => unitDecider.evolve(state, { type: event.type, data: event.data } as UnitEvent),
      unitDecider.initialState(),
    );
  }
}
