import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  BlockCaller,
  CheckCaller,
  INTAKE_SERVICE,
  OptInToNotices,
  OptOutOfNotices,
  UnblockCaller,
  commandSubject,
  querySubject,
  type CallerCheck,
} from '@hotline/contracts';
import type { CommandHandlerDeps, CommandResult } from '@hotline/infra/command';
import { handleAggregateCommand } from '../aggregate-command';
import { callerBlockDecider, callerBlockStreamId } from './caller-block.decider';
import { noticeOptOutDecider, noticeOptOutStreamId } from '../notices/notice-opt-out.decider';
import { ContactQueriesService } from '../contact/contact-queries.service';
import { INTAKE_COMMAND_DEPS } from '../intake-tokens';

const streamOf = (data: { phone: string }): string => callerBlockStreamId(data.phone);
const optOutStreamOf = (data: { phone: string }): string => noticeOptOutStreamId(data.phone);

/** The caller blocklist on the bus: block, unblock, check; and a number's opt-out of case notices. */
@Controller()
export class BlocklistController {
  constructor(
    @Inject(INTAKE_COMMAND_DEPS) private readonly deps: CommandHandlerDeps,
    private readonly queries: ContactQueriesService,
  ) {}

  @MessagePattern(commandSubject(INTAKE_SERVICE, BlockCaller.type))
  block(@Payload() payload: unknown): Promise<CommandResult> {
    return handleAggregateCommand(this.deps, BlockCaller, payload, callerBlockDecider, streamOf);
  }

  @MessagePattern(commandSubject(INTAKE_SERVICE, UnblockCaller.type))
  unblock(@Payload() payload: unknown): Promise<CommandResult> {
    return handleAggregateCommand(this.deps, UnblockCaller, payload, callerBlockDecider, streamOf);
  }

  @MessagePattern(commandSubject(INTAKE_SERVICE, OptOutOfNotices.type))
  optOut(@Payload() payload: unknown): Promise<CommandResult> {
    return handleAggregateCommand(this.deps, OptOutOfNotices, payload, noticeOptOutDecider, optOutStreamOf);
  }

  @MessagePattern(commandSubject(INTAKE_SERVICE, OptInToNotices.type))
  optIn(@Payload() payload: unknown): Promise<CommandResult> {
    return handleAggregateCommand(this.deps, OptInToNotices, payload, noticeOptOutDecider, optOutStreamOf);
  }

  @MessagePattern(querySubject(INTAKE_SERVICE, CheckCaller.type))
  check(@Payload() payload: unknown): Promise<CallerCheck> {
    return this.queries.checkCaller(payload);
  }
}
