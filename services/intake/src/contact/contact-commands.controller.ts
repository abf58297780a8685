import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AbandonContact,
  AnswerContact,
  DeclineContact,
  INTAKE_SERVICE,
  MarkContactAsHarassment,
  MergeContactIntoCase,
  RecordContact,
  RecordContactReply,
  ReferContact,
  RegisterCaseFromContact,
  ReleaseContact,
  SubmitContact,
  commandSubject,
  type ContactReceipt,
} from '@hotline/contracts';
import { ContactActionsService, type ContactActionReply } from './contact-actions.service';
import { ContactIntakeService } from './contact-intake.service';
import { parseCommand } from '../parse-command';

const subject = (type: string): string => commandSubject(INTAKE_SERVICE, type);

/** The contact commands on the bus: recording and submitting contacts, and the agent's decisions on them. */
@Controller()
export class ContactCommandsController {
  constructor(
    private readonly intake: ContactIntakeService,
    private readonly actions: ContactActionsService,
  ) {}

  @MessagePattern(subject(RecordContact.type))
  record(@Payload() payload: unknown): Promise<ContactReceipt> {
    const { envelope, data } = parseCommand(RecordContact, payload);
    return this.intake.take(envelope, data, { mode: 'record' });
  }

  @MessagePattern(subject(SubmitContact.type))
  submit(@Payload() payload: unknown): Promise<ContactReceipt> {
    const { envelope, data } = parseCommand(SubmitContact, payload);
    return this.intake.take(envelope, data, { mode: 'submit' });
  }

  @MessagePattern(subject(RegisterCaseFromContact.type))
  registerCase(@Payload() payload: unknown): Promise<ContactActionReply> {
    const { envelope, data } = parseCommand(RegisterCaseFromContact, payload);
    return this.actions.registerCase(envelope, data);
  }

  @MessagePattern(subject(MergeContactIntoCase.type))
  merge(@Payload() payload: unknown): Promise<ContactActionReply> {
    const { envelope, data } = parseCommand(MergeContactIntoCase, payload);
    return this.actions.merge(envelope, data);
  }

  @MessagePattern(subject(AnswerContact.type))
  answer(@Payload() payload: unknown): Promise<ContactActionReply> {
    const { envelope, data } = parseCommand(AnswerContact, payload);
    return this.actions.answer(envelope, data);
  }

  @MessagePattern(subject(ReferContact.type))
  refer(@Payload() payload: unknown): Promise<ContactActionReply> {
    const { envelope, data } = parseCommand(ReferContact, payload);
    return this.actions.refer(envelope, data);
  }

  @MessagePattern(subject(DeclineContact.type))
  decline(@Payload() payload: unknown): Promise<ContactActionReply> {
    const { envelope, data } = parseCommand(DeclineContact, payload);
    return this.actions.decline(envelope, data);
  }

  @MessagePattern(subject(AbandonContact.type))
  abandon(@Payload() payload: unknown): Promise<ContactActionReply> {
    const { envelope, data } = parseCommand(AbandonContact, payload);
    return this.actions.abandon(envelope, data);
  }

  @MessagePattern(subject(MarkContactAsHarassment.type))
  markAsHarassment(@Payload() payload: unknown): Promise<ContactActionReply> {
    const { envelope, data } = parseCommand(MarkContactAsHarassment, payload);
    return this.actions.markAsHarassment(envelope, data);
  }

  @MessagePattern(subject(ReleaseContact.type))
  release(@Payload() payload: unknown): Promise<ContactActionReply> {
    const { envelope, data } = parseCommand(ReleaseContact, payload);
    return this.actions.release(envelope, data);
  }

  @MessagePattern(subject(RecordContactReply.type))
  reply(@Payload() payload: unknown): Promise<ContactActionReply> {
    const { envelope, data } = parseCommand(RecordContactReply, payload);
    return this.actions.reply(envelope, data);
  }
}
