import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DeactivateUnit,
  RegisterUnit,
  RemoveDispatchCatalogueEntry,
  SetDispatchCatalogueEntry,
  UpdateUnitContacts,
  WORKFLOW_SERVICE,
  commandSubject,
} from '@hotline/contracts';
import type { CommandResult } from '@hotline/infra/command';
import { UnitCommandService } from './unit-command.service';

const subject = (type: string): string => commandSubject(WORKFLOW_SERVICE, type);

/** Commands of handling units and of the dispatch catalogue, as request/reply handlers. */
@Controller()
export class UnitCommandsController {
  constructor(private readonly units: UnitCommandService) {}

  @MessagePattern(subject(RegisterUnit.type))
  register(@Payload() command: unknown): Promise<CommandResult> {
    return this.units.execute(RegisterUnit.type, command);
  }

  @MessagePattern(subject(UpdateUnitContacts.type))
  updateContacts(@Payload() command: unknown): Promise<CommandResult> {
    return this.units.execute(UpdateUnitContacts.type, command);
  }

  @MessagePattern(subject(DeactivateUnit.type))
  deactivate(@Payload() command: unknown): Promise<CommandResult> {
    return this.units.execute(DeactivateUnit.type, command);
  }

  @MessagePattern(subject(SetDispatchCatalogueEntry.type))
  setCatalogueEntry(@Payload() command: unknown): Promise<CommandResult> {
    return this.units.execute(SetDispatchCatalogueEntry.type, command);
  }

  @MessagePattern(subject(RemoveDispatchCatalogueEntry.type))
  removeCatalogueEntry(@Payload() command: unknown): Promise<CommandResult> {
    return this.units.execute(RemoveDispatchCatalogueEntry.type, command);
  }
}
