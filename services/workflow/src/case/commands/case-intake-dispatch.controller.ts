import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AnswerCaseAtIntake,
  DeclineCase,
  DispatchCase,
  DispatchCaseToFallbackUnit,
  LinkDuplicateCase,
  MergeCase,
  RecordCaseRepeatContact,
  RecordLeaderInstruction,
  RedispatchCase,
  RegisterCase,
  ReportCaseToLeader,
  SubDispatchCase,
  WORKFLOW_SERVICE,
  commandSubject,
} from '@hotline/contracts';
import { CaseCommandService, type CaseCommandReply } from './case-command.service';

const subject = (type: string): string => commandSubject(WORKFLOW_SERVICE, type);

/** Intake and dispatch commands of the case, as NATS (or in-process) request/reply handlers. */
@Controller()
export class CaseIntakeDispatchController {
  constructor(private readonly commands: CaseCommandService) {}

  @MessagePattern(subject(RegisterCase.type))
  register(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(RegisterCase.type, command);
  }

  @MessagePattern(subject(AnswerCaseAtIntake.type))
  answerAtIntake(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(AnswerCaseAtIntake.type, command);
  }

  @MessagePattern(subject(DeclineCase.type))
  decline(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(DeclineCase.type, command);
  }

  @MessagePattern(subject(MergeCase.type))
  merge(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(MergeCase.type, command);
  }

  @MessagePattern(subject(LinkDuplicateCase.type))
  linkDuplicate(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(LinkDuplicateCase.type, command);
  }

  @MessagePattern(subject(RecordCaseRepeatContact.type))
  recordRepeatContact(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(RecordCaseRepeatContact.type, command);
  }

  @MessagePattern(subject(DispatchCase.type))
  dispatch(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(DispatchCase.type, command);
  }

  @MessagePattern(subject(RedispatchCase.type))
  redispatch(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(RedispatchCase.type, command);
  }

  @MessagePattern(subject(DispatchCaseToFallbackUnit.type))
  dispatchToFallback(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(DispatchCaseToFallbackUnit.type, command);
  }

  @MessagePattern(subject(SubDispatchCase.type))
  subDispatch(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(SubDispatchCase.type, command);
  }

  @MessagePattern(subject(ReportCaseToLeader.type))
  reportToLeader(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(ReportCaseToLeader.type, command);
  }

  @MessagePattern(subject(RecordLeaderInstruction.type))
  recordInstruction(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(RecordLeaderInstruction.type, command);
  }
}
