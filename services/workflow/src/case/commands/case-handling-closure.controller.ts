import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AcceptCaseReply,
  ApproveCaseExtension,
  CloseCase,
  RecordCaseCallback,
  RedoCase,
  RejectCaseExtension,
  RequestCaseExtension,
  ReturnCase,
  SendBackCaseReply,
  SignCase,
  SubmitCaseReply,
  SubmitCoHandlerReply,
  WORKFLOW_SERVICE,
  commandSubject,
} from '@hotline/contracts';
import { CaseCommandService, type CaseCommandReply } from './case-command.service';

const subject = (type: string): string => commandSubject(WORKFLOW_SERVICE, type);

/** Handling (units), review and closure commands of the case, as request/reply handlers. */
@Controller()
export class CaseHandlingClosureController {
  constructor(private readonly commands: CaseCommandService) {}

  @MessagePattern(subject(SignCase.type))
  sign(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(SignCase.type, command);
  }

  @MessagePattern(subject(ReturnCase.type))
  returnCase(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(ReturnCase.type, command);
  }

  @MessagePattern(subject(RequestCaseExtension.type))
  requestExtension(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(RequestCaseExtension.type, command);
  }

  @MessagePattern(subject(ApproveCaseExtension.type))
  approveExtension(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(ApproveCaseExtension.type, command);
  }

  @MessagePattern(subject(RejectCaseExtension.type))
  rejectExtension(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(RejectCaseExtension.type, command);
  }

  @MessagePattern(subject(SubmitCoHandlerReply.type))
  coHandlerReply(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(SubmitCoHandlerReply.type, command);
  }

  @MessagePattern(subject(SubmitCaseReply.type))
  reply(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(SubmitCaseReply.type, command);
  }

  @MessagePattern(subject(AcceptCaseReply.type))
  acceptReply(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(AcceptCaseReply.type, command);
  }

  @MessagePattern(subject(SendBackCaseReply.type))
  sendBackReply(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(SendBackCaseReply.type, command);
  }

  @MessagePattern(subject(RecordCaseCallback.type))
  recordCallback(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(RecordCaseCallback.type, command);
  }

  @MessagePattern(subject(CloseCase.type))
  close(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(CloseCase.type, command);
  }

  @MessagePattern(subject(RedoCase.type))
  redo(@Payload() command: unknown): Promise<CaseCommandReply> {
    return this.commands.execute(RedoCase.type, command);
  }
}
