import type { dispatchCatalogueCommands, unitCommands } from '@hotline/contracts';
import {
  handleCommand,
  type CommandHandlerDeps,
  type CommandResult,
  type ParsedCommand,
} from '@hotline/infra/command';
import type { CitySettingsSource } from '../city-settings/city-settings-source';
import { dispatchCatalogueAggregate } from '../dispatch-catalogue/dispatch-catalogue.aggregate';
import { unitAggregate } from './unit.aggregate';

/** A unit or catalogue command as its endpoint parsed it. */
export type UnitCommandEnvelope = ParsedCommand<
  (typeof unitCommands)[number] | (typeof dispatchCatalogueCommands)[number]
>;

/**
 * Handles the commands of handling units (`unit-<unitId>`) and of the dispatch catalogue
 * (`dispatchCatalogue-<catalogueId>`). The units a command names are read from their own streams,
 * so a unit registered a moment ago is known even before the read models have it.
 */
export class UnitCommandService {
  constructor(private readonly deps: CommandHandlerDeps & { citySettings: CitySettingsSource }) {}

  async execute(command: UnitCommandEnvelope): Promise<CommandResult> {
    switch (command.type) {
      case 'RegisterUnit':
      case 'UpdateUnitContacts':
      case 'DeactivateUnit': {
        const parentId = command.type === 'RegisterUnit' ? command.data.parentId : undefined;
        return handleCommand(this.deps, {
          aggregate: unitAggregate,
          id: command.data.unitId,
          command,
          context: parentId !== undefined ? { parent: await this.unit(parentId) } : {},
        });
      }
      case 'SetDispatchCatalogueEntry':
      case 'RemoveDispatchCatalogueEntry': {
        const unitId = command.type === 'SetDispatchCatalogueEntry' ? command.data.unitId : undefined;
        return handleCommand(this.deps, {
          aggregate: dispatchCatalogueAggregate,
          id: command.data.catalogueId,
          command,
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
  private async unit(unitId: string) {
    return (await unitAggregate.load(this.deps.store, unitId)).state;
  }
}
