import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  GetCalendar,
  GetCategories,
  GetDeadlineLimits,
  WORKFLOW_SERVICE,
  citySettingsCommands,
  commandSubject,
  querySubject,
  type CalendarView,
  type CategoriesView,
  type DeadlineLimitsView,
} from '@hotline/contracts';
import { ZodPayloadPipe } from '@hotline/infra/bus';
import type { CommandResult } from '@hotline/infra/command';
import type { z } from 'zod';
import { CitySettingsService } from './city-settings.service';

const [define, rename, retire, reactivate, declareDay, clearDay, setLimit] = citySettingsCommands;
const command = (type: string): string => commandSubject(WORKFLOW_SERVICE, type);
const query = (type: string): string => querySubject(WORKFLOW_SERVICE, type);

/** The city's settings: commands and queries as request/reply handlers. */
@Controller()
export class CitySettingsController {
  constructor(private readonly settings: CitySettingsService) {}

  @MessagePattern(command(define.type))
  define(@Payload() payload: unknown): Promise<CommandResult> {
    return this.settings.execute(define.type, payload);
  }

  @MessagePattern(command(rename.type))
  rename(@Payload() payload: unknown): Promise<CommandResult> {
    return this.settings.execute(rename.type, payload);
  }

  @MessagePattern(command(retire.type))
  retire(@Payload() payload: unknown): Promise<CommandResult> {
    return this.settings.execute(retire.type, payload);
  }

  @MessagePattern(command(reactivate.type))
  reactivate(@Payload() payload: unknown): Promise<CommandResult> {
    return this.settings.execute(reactivate.type, payload);
  }

  @MessagePattern(command(declareDay.type))
  declareDay(@Payload() payload: unknown): Promise<CommandResult> {
    return this.settings.execute(declareDay.type, payload);
  }

  @MessagePattern(command(clearDay.type))
  clearDay(@Payload() payload: unknown): Promise<CommandResult> {
    return this.settings.execute(clearDay.type, payload);
  }

  @MessagePattern(command(setLimit.type))
  setLimit(@Payload() payload: unknown): Promise<CommandResult> {
    return this.settings.execute(setLimit.type, payload);
  }

  @MessagePattern(query(GetCategories.type))
  categories(@Payload(new ZodPayloadPipe(GetCategories.schema)) _query: unknown): Promise<CategoriesView> {
    return this.settings.categories();
  }

  @MessagePattern(query(GetCalendar.type))
  calendar(
    @Payload(new ZodPayloadPipe(GetCalendar.schema)) q: z.infer<typeof GetCalendar.schema>,
  ): Promise<CalendarView> {
    return this.settings.calendar(q.year);
  }

  @MessagePattern(query(GetDeadlineLimits.type))
  deadlineLimits(
    @Payload(new ZodPayloadPipe(GetDeadlineLimits.schema)) _query: unknown,
  ): Promise<DeadlineLimitsView> {
    return this.settings.deadlineLimits();
  }
}
