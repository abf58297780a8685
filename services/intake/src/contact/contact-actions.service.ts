import {
  CITY_DISTRICT,
  NotFoundError,
  type AbandonContact,
  type AnswerContact,
  type CommandEnvelope,
  type DeclineContact,
  type MarkContactAsHarassment,
  type MergeContactIntoCase,
  type RecordContactReply,
  type ReferContact,
  type RegisterCaseFromContact,
  type ReleaseContact,
} from '@hotline/contracts';
import type { CommandResult, DecideContext } from '@hotline/infra/command';
import type { z } from 'zod';
import { caseDeskRequest, type CaseDesk, type CaseDeskRequest } from '../case-desk/case-desk.port';
import { bilingual, explainNotAccepted, explainReferral } from '../classification/citizen-explanations';
import { caseChannelOf, citizenOf } from './case-from-contact';
import type { ContactDecision } from './contact-decision';
import { contactDecider } from './contact.decider';
import { stepCommandId, type ContactStreams, type LoadedContact } from './contact-streams';

type Data<D extends { schema: z.ZodType }> = z.output<D['schema']>;
type Recorded = NonNullable<LoadedContact['recorded']>;

/** What an agent command answers: the command result, and the case when one was registered. */
export interface ContactActionReply extends CommandResult {
  contactId: string;
  caseId?: string;
  caseNumber?: string;
}

/**
 * The agent's decisions on a recorded contact. Those that need the workflow (a case, a direct
 * answer) check the contact first with the decider itself, so no case is registered for a contact
 * that can no longer become one, then call the workflow, then record the outcome.
 */
export class ContactActionsService {
  constructor(
    private readonly streams: ContactStreams,
    private readonly caseDesk: CaseDesk,
    private readonly caseNumberOf: (caseId: string) => Promise<string | undefined>,
    private readonly now: () => Date,
    /** The contact's district in the contact log (picked by the citizen, or named by the address). */
    private readonly contactDistrictOf: (contactId: string) => Promise<string | undefined> = () =>
      Promise.resolve(undefined),
  ) {}

  async registerCase(
    envelope: CommandEnvelope,
    data: Data<typeof RegisterCaseFromContact>,
  ): Promise<ContactActionReply> {
    const checked = await this.precheck(envelope, data.contactId, {
      type: 'RecordCase',
      data: { caseId: data.caseId },
    });
    if ('done' in checked) return checked.done;
    const { recorded } = checked;
    const { caseNumber } = await this.caseDesk.registerCase(
      {
        caseId: data.caseId,
        type: data.type,
        categoryCode: data.categoryCode,
        content: data.content ?? recorded.content,
        citizen: data.citizen ?? citizenOf(recorded.caller),
        channel: caseChannelOf(recorded.channel),
        attachments: recorded.attachments,
        urgency: data.urgency,
        simple: data.simple,
        contactId: data.contactId,
        ...((data.place ?? recorded.place) ? { place: data.place ?? recorded.place } : {}),
      },
      await this.caseRequest(envelope, data.contactId),
    );
    const result = await this.streams.decide(envelope, data.contactId, {
      type: 'RecordCase',
      data: { caseId: data.caseId, ...(caseNumber ? { caseNumber } : {}) },
    });
    return {
      ...result,
      contactId: data.contactId,
      caseId: data.caseId,
      ...(caseNumber ? { caseNumber } : {}),
    };
  }

  async answer(envelope: CommandEnvelope, data: Data<typeof AnswerContact>): Promise<ContactActionReply> {
    const checked = await this.precheck(envelope, data.contactId, {
      type: 'Answer',
      data: { answer: data.answer },
    });
    if ('done' in checked) return checked.done;
    const { recorded } = checked;
    const { caseNumber } = await this.caseDesk.registerCase(
      {
        caseId: data.caseId,
        type: data.type,
        categoryCode: data.categoryCode,
        content: recorded.content,
        citizen: citizenOf(recorded.caller),
        channel: caseChannelOf(recorded.channel),
        attachments: recorded.attachments,
        contactId: data.contactId,
        ...(recorded.place ? { place: recorded.place } : {}),
      },
      await this.caseRequest(envelope, data.contactId),
    );
    const citing = data.knowledgeArticleId ? { knowledgeArticleId: data.knowledgeArticleId } : {};
    await this.caseDesk.answerCaseAtIntake(
      { caseId: data.caseId, answer: data.answer, ...citing },
      this.request(envelope, 'answer-case'),
    );
    const result = await this.streams.decide(envelope, data.contactId, {
      type: 'Answer',
      data: { caseId: data.caseId, answer: data.answer, ...citing },
    });
    return {
      ...result,
      contactId: data.contactId,
      caseId: data.caseId,
      ...(caseNumber ? { caseNumber } : {}),
    };
  }

  async merge(
    envelope: CommandEnvelope,
    data: Data<typeof MergeContactIntoCase>,
  ): Promise<ContactActionReply> {
    const caseNumber = await this.caseNumberOf(data.caseId);
    const decision: ContactDecision = {
      type: 'Merge',
      data: { caseId: data.caseId, automatic: false, ...(caseNumber ? { caseNumber } : {}) },
    };
    return this.decide(envelope, data.contactId, decision, {
      caseId: data.caseId,
      ...(caseNumber ? { caseNumber } : {}),
    });
  }

  refer(envelope: CommandEnvelope, data: Data<typeof ReferContact>): Promise<ContactActionReply> {
    const explanation = data.explanation ?? bilingual(explainReferral(data.service));
    return this.decide(envelope, data.contactId, {
      type: 'Refer',
      data: { service: data.service, explanation },
    });
  }

  decline(envelope: CommandEnvelope, data: Data<typeof DeclineContact>): Promise<ContactActionReply> {
    const explanation = data.explanation ?? bilingual(explainNotAccepted(data.reason));
    return this.decide(envelope, data.contactId, {
      type: 'Decline',
      data: { reason: data.reason, explanation },
    });
  }

  abandon(envelope: CommandEnvelope, data: Data<typeof AbandonContact>): Promise<ContactActionReply> {
    return this.decide(envelope, data.contactId, {
      type: 'Abandon',
      data: data.note ? { note: data.note } : {},
    });
  }

  markAsHarassment(
    envelope: CommandEnvelope,
    data: Data<typeof MarkContactAsHarassment>,
  ): Promise<ContactActionReply> {
    return this.decide(envelope, data.contactId, { type: 'MarkAsHarassment', data: { note: data.note } });
  }

  release(envelope: CommandEnvelope, data: Data<typeof ReleaseContact>): Promise<ContactActionReply> {
    return this.decide(envelope, data.contactId, {
      type: 'Release',
      data: data.note ? { note: data.note } : {},
    });
  }

  reply(envelope: CommandEnvelope, data: Data<typeof RecordContactReply>): Promise<ContactActionReply> {
    return this.decide(envelope, data.contactId, { type: 'Reply', data: { text: data.text } });
  }

  private async decide(
    envelope: CommandEnvelope,
    contactId: string,
    decision: ContactDecision,
    extra: Partial<ContactActionReply> = {},
  ): Promise<ContactActionReply> {
    const result = await this.streams.decide(envelope, contactId, decision);
    return { ...result, ...extra, contactId };
  }

  /**
   * The contact loaded and checked for `decision`; or, when this command was handled before, its
   * first result (so a retry neither registers another case nor fails on the outcome it set).
   */
  private async precheck(
    envelope: CommandEnvelope,
    contactId: string,
    decision: ContactDecision,
  ): Promise<{ done: ContactActionReply } | { recorded: Recorded }> {
    const loaded = await this.streams.load(contactId);
    if (!loaded.recorded) throw new NotFoundError('contact', contactId);
    if (loaded.events.some((e) => e.metadata.commandId === envelope.commandId)) {
      const result = await this.streams.decide(envelope, contactId, decision);
      const registered = loaded.events.find((e) => e.type === 'ContactCaseRegistered')?.data as
        { caseNumber?: string } | undefined;
      const { caseId } = loaded.state;
      return {
        done: {
          ...result,
          contactId,
          ...(caseId ? { caseId } : {}),
          ...(registered?.caseNumber ? { caseNumber: registered.caseNumber } : {}),
        },
      };
    }
    const context: DecideContext = {
      now: this.now(),
      actor: envelope.metadata.actor,
      districtId: envelope.metadata.districtId,
      commandId: envelope.commandId,
    };
    contactDecider.decide(decision, loaded.state, context);
    return { recorded: loaded.recorded };
  }

  private request(envelope: CommandEnvelope, step: string): CaseDeskRequest {
    return caseDeskRequest(envelope, stepCommandId(envelope.commandId, step));
  }

  /**
   * The registration of the contact's case. City-wide staff register it in the contact's district
   * (the one the citizen picked or the address names), so the district's staff and the dispatch
   * catalogue's district entries apply to it; district staff register in their own district.
   */
  private async caseRequest(envelope: CommandEnvelope, contactId: string): Promise<CaseDeskRequest> {
    const request = this.request(envelope, 'register-case');
    if (request.districtId !== CITY_DISTRICT) return request;
    const districtId = await this.contactDistrictOf(contactId);
    return districtId === undefined ? request : { ...request, districtId };
  }
}
