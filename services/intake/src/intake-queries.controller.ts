import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ClassifyContent,
  FindDuplicates,
  GetCallerHistory,
  GetCaseRepeatCount,
  GetContact,
  INTAKE_SERVICE,
  ListOpenContacts,
  parseOrThrow,
  querySubject,
  type CallerHistory,
  type CaseRepeatCount,
  type ClassificationSuggestion,
  type ContactView,
  type DuplicateSuggestion,
} from '@hotline/contracts';
import type { CommandHandlerDeps } from '@hotline/infra/command';
import type { ContentClassifier } from './classification/content-classifier.port';
import { DuplicateFinder } from './duplicates/duplicate-finder';
import { ContactQueriesService } from './contact/contact-queries.service';
import { INTAKE_CLASSIFIER, INTAKE_COMMAND_DEPS } from './intake-tokens';

const subject = (type: string): string => querySubject(INTAKE_SERVICE, type);

/** Intake's questions on the bus: suggestions for a text, and the contact log. */
@Controller()
export class IntakeQueriesController {
  constructor(
    @Inject(INTAKE_CLASSIFIER) private readonly classifier: ContentClassifier,
    @Inject(INTAKE_COMMAND_DEPS) private readonly deps: CommandHandlerDeps,
    private readonly duplicates: DuplicateFinder,
    private readonly contacts: ContactQueriesService,
  ) {}

  @MessagePattern(subject(ClassifyContent.type))
  classify(@Payload() payload: unknown): Promise<ClassificationSuggestion> {
    const query = parseOrThrow(ClassifyContent.schema, payload);
    return this.classifier.classify({
      content: query.content,
      ...(query.channel ? { channel: query.channel } : {}),
    });
  }

  @MessagePattern(subject(FindDuplicates.type))
  findDuplicates(@Payload() payload: unknown): Promise<{ duplicates: DuplicateSuggestion[] }> {
    const query = parseOrThrow(FindDuplicates.schema, payload);
    const found = this.duplicates.find(
      {
        content: query.content,
        limit: query.limit,
        ...(query.phone ? { phone: query.phone } : {}),
        ...(query.categoryCode ? { categoryCode: query.categoryCode } : {}),
        ...(query.place ? { place: query.place } : {}),
      },
      this.deps.clock.now(),
    );
    return Promise.resolve({ duplicates: found.suggestions });
  }

  @MessagePattern(subject(GetCallerHistory.type))
  callerHistory(@Payload() payload: unknown): Promise<CallerHistory> {
    return this.contacts.callerHistory(payload);
  }

  @MessagePattern(subject(GetContact.type))
  contact(@Payload() payload: unknown): Promise<ContactView> {
    return this.contacts.contact(payload);
  }

  @MessagePattern(subject(ListOpenContacts.type))
  openContacts(@Payload() payload: unknown): Promise<{ contacts: ContactView[] }> {
    return this.contacts.openContacts(payload);
  }

  @MessagePattern(subject(GetCaseRepeatCount.type))
  caseRepeatCount(@Payload() payload: unknown): Promise<CaseRepeatCount> {
    return this.contacts.caseRepeatCount(payload);
  }
}
