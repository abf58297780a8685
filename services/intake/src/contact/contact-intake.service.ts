import {
  phoneLastFour,
  systemActor,
  type Clock,
  type CommandEnvelope,
  type ContactInput,
  type ContactReceipt,
  type EmergencyService,
  type QuarantineReason,
} from '@hotline/contracts';
import type { Logger } from '@hotline/infra/telemetry';
import type { z } from 'zod';
import type { FloodGuard } from '../blocklist/flood-guard';
import { explainReferral } from '../classification/citizen-explanations';
import { caseDeskRequest, type CaseDesk } from '../case-desk/case-desk.port';
import type { BlocklistReader } from '../blocklist/blocklist-reader';
import type { IntakeMetrics } from '../intake-metrics';
import { automaticDisposition, type Disposition, type DispositionRules } from './automatic-disposition';
import { caseChannelOf, caseIdForContact, citizenOf } from './case-from-contact';
import { citizenReplies } from './citizen-replies';
import type { ContactConclusion } from './contact-decision';
import type { ContactAssessor } from './contact-assessor';
import { stepCommandId, type ContactStreams } from './contact-streams';

export type ContactInputData = z.output<typeof ContactInput>;

/** The merge disposition, as the contact decision that records it. */
type Conclusive = Extract<Disposition, { kind: 'merge' }>;

const isConclusive = (disposition: Disposition | undefined): disposition is Conclusive =>
  disposition?.kind === 'merge';

function conclusionOf(disposition: Conclusive): ContactConclusion {
  const { caseId, caseNumber, similarity } = disposition;
  return {
    type: 'Merge',
    data: { caseId, similarity, automatic: true, ...(caseNumber ? { caseNumber } : {}) },
  };
}

export interface TakeOptions {
  /** record: an agent takes it from here; submit: the platform disposes of it (self-service). */
  mode: 'record' | 'submit';
  /** Set by a channel that already refused part of the message (an executable attachment). */
  quarantine?: { reason: QuarantineReason; detail: string };
}

export interface ContactIntakeDeps {
  clock: Clock;
  streams: ContactStreams;
  assessor: ContactAssessor;
  blocklist: BlocklistReader;
  flood: FloodGuard;
  caseDesk: CaseDesk;
  rules: DispositionRules;
  metrics: IntakeMetrics;
  logger: Logger;
}

/** The sender a flood is counted by: whatever identifies the caller on the channel. */
const senderOf = (input: ContactInputData): string | undefined =>
  input.caller.phone ?? input.caller.email ?? input.caller.wechatOpenId;

/**
 * Takes a contact from any channel: guard (blocklist, flood), assess (classify, duplicates), record
 * once, and for self-service contacts dispose of it (refer, merge, register, or leave it for an
 * agent). Every contact is recorded before anything else can fail; what fails after (the workflow
 * being unavailable) leaves the contact open for an agent, never lost.
 */
export class ContactIntakeService {
  constructor(private readonly deps: ContactIntakeDeps) {}

  async take(
    envelope: CommandEnvelope,
    input: ContactInputData,
    options: TakeOptions,
  ): Promise<ContactReceipt> {
    const { clock, streams, assessor, metrics } = this.deps;
    const now = clock.now();
    const quarantine = options.quarantine ?? this.guard(input, now, options.mode);
    const assessment = await assessor.assess(
      {
        content: input.content,
        channel: input.channel,
        ...(input.subject ? { subject: input.subject } : {}),
        ...(input.caller.phone ? { phone: input.caller.phone } : {}),
        ...(input.place ? { place: input.place } : {}),
      },
      now,
    );
    const contact = { ...input, receivedAt: input.receivedAt ?? now.toISOString() };
    // A merge needs no other service: decided now, it is recorded in the same append.
    const disposition =
      options.mode === 'submit' && !quarantine
        ? automaticDisposition(input.channel, assessment, this.deps.rules)
        : undefined;
    const then = isConclusive(disposition) ? conclusionOf(disposition) : undefined;
    const recorded = await streams.decide(envelope, input.contactId, {
      type: 'Record',
      data: { contact, assessment, ...(quarantine ? { quarantine } : {}), ...(then ? { then } : {}) },
    });
    const receipt: ContactReceipt = {
      contactId: input.contactId,
      recorded: !recorded.idempotent,
      assessment,
      position: recorded.position,
    };
    if (recorded.idempotent) return this.resume(envelope, contact, receipt, options);
    metrics.recorded(input.channel);
    if (quarantine) {
      metrics.quarantined(input.channel, quarantine.reason);
      this.deps.logger.warn(
        { contactId: input.contactId, channel: input.channel, quarantine },
        'contact quarantined',
      );
      return { ...receipt, quarantine: quarantine.reason };
    }
    if (!disposition) return receipt;
    if (isConclusive(disposition)) return this.concluded(contact.channel, disposition, receipt);
    return this.dispose(envelope, contact, disposition, receipt);
  }

  /** Blocklisted numbers and floods are recorded, but quarantined. Phone calls reach an agent anyway. */
  private guard(input: ContactInputData, now: Date, mode: TakeOptions['mode']): TakeOptions['quarantine'] {
    const phone = input.caller.phone;
    if (phone) {
      const check = this.deps.blocklist.check(phone, now);
      if (check.blocked)
        return {
          reason: 'blocklisted',
          detail: `${phone} is on the blocklist: ${check.reason ?? 'no reason given'}`,
        };
    }
    const sender = senderOf(input);
    if (mode === 'submit' && sender && !this.deps.flood.admit(sender, now)) {
      return { reason: 'flood', detail: `${sender} sent more messages than the flood allowance` };
    }
    return undefined;
  }

  private async dispose(
    envelope: CommandEnvelope,
    contact: ContactInputData & { receivedAt: string },
    disposition: Disposition,
    receipt: ContactReceipt,
  ): Promise<ContactReceipt> {
    const step = stepCommandId(envelope.commandId, 'disposition');
    switch (disposition.kind) {
      case 'merge': {
        const conclusion = conclusionOf(disposition);
        const { position } = await this.deps.streams.decide(envelope, contact.contactId, conclusion, step);
        return this.concluded(contact.channel, disposition, { ...receipt, position });
      }
      case 'register':
        return this.register(envelope, contact, disposition, receipt, step);
      case 'triage':
        if (disposition.emergency) {
          return {
            ...receipt,
            referral: disposition.emergency,
            reply: citizenReplies.possibleEmergency(explainReferral(disposition.emergency).zh),
          };
        }
        if (disposition.reserveNumber) return this.reserveNumber(envelope, contact, receipt);
        return { ...receipt, reply: citizenReplies.received() };
      default: {
        const unknown: never = disposition;
        throw new Error(`unknown disposition ${JSON.stringify(unknown)}`);
      }
    }
  }

  /**
   * The case number the contact's case will have, given now; the contact waits for an agent as
   * before. Without the workflow, the citizen is told the request was received (the number comes
   * with the registration).
   */
  private async reserveNumber(
    envelope: CommandEnvelope,
    contact: ContactInputData,
    receipt: ContactReceipt,
  ): Promise<ContactReceipt> {
    const phone = contact.caller.phone;
    try {
      // Intake's own step, whoever submitted (a citizen, or staff on a citizen's behalf): the workflow
      // reserves numbers for the platform only, so a number is never reserved from outside.
      const request = caseDeskRequest(envelope, stepCommandId(envelope.commandId, 'reserve-case-number'));
      const { caseNumber } = await this.deps.caseDesk.reserveCaseNumber(
        { contactId: contact.contactId, ...(phone ? { phoneLast4: phoneLastFour(phone) } : {}) },
        { ...request, actor: systemActor('intake') },
      );
      if (caseNumber !== undefined)
        return { ...receipt, caseNumber, reply: citizenReplies.receivedWithNumber(caseNumber) };
    } catch (error) {
      this.deps.metrics.workflowFailure('ReserveCaseNumber');
      this.deps.logger.warn(
        { err: error, contactId: contact.contactId },
        'no case number could be reserved; the number comes with the registration',
      );
    }
    return { ...receipt, reply: citizenReplies.received() };
  }

  /** The receipt of a contact merged, and its count. */
  private concluded(
    channel: ContactInputData['channel'],
    disposition: Conclusive,
    receipt: ContactReceipt,
  ): ContactReceipt {
    const { caseId, caseNumber } = disposition;
    this.deps.metrics.concluded(channel, 'merged-into-case');
    return {
      ...receipt,
      outcome: 'merged-into-case',
      caseId,
      ...(caseNumber ? { caseNumber } : {}),
      reply: citizenReplies.merged(caseNumber),
    };
  }

  private async register(
    envelope: CommandEnvelope,
    contact: ContactInputData & { receivedAt: string },
    disposition: Extract<Disposition, { kind: 'register' }>,
    receipt: ContactReceipt,
    step: string,
  ): Promise<ContactReceipt> {
    const { caseDesk, streams, metrics, logger } = this.deps;
    const caseId = caseIdForContact(contact.contactId);
    let caseNumber: string | undefined;
    try {
      ({ caseNumber } = await caseDesk.registerCase(
        {
          caseId,
          type: disposition.type,
          categoryCode: disposition.categoryCode,
          content: contact.subject ? `${contact.subject}\n${contact.content}` : contact.content,
          citizen: citizenOf(contact.caller),
          channel: caseChannelOf(contact.channel),
          attachments: contact.attachments,
          contactId: contact.contactId,
          ...(contact.place ? { place: contact.place } : {}),
        },
        caseDeskRequest(envelope, stepCommandId(envelope.commandId, 'register-case')),
      ));
    } catch (error) {
      metrics.workflowFailure('RegisterCase');
      logger.warn(
        { err: error, contactId: contact.contactId },
        'the case could not be registered; the contact waits for an agent',
      );
      return { ...receipt, reply: citizenReplies.received() };
    }
    const { position } = await streams.decide(
      envelope,
      contact.contactId,
      { type: 'RecordCase', data: { caseId, ...(caseNumber ? { caseNumber } : {}) } },
      step,
    );
    metrics.concluded(contact.channel, 'case-registered');
    return {
      ...receipt,
      position,
      outcome: 'case-registered',
      caseId,
      ...(caseNumber ? { caseNumber } : {}),
      reply: citizenReplies.registered(caseNumber),
    };
  }

  /**
   * A contact recorded before (a channel retried, or the first attempt stopped half-way): a
   * self-service contact still open is disposed of now, on its recorded assessment; otherwise the
   * receipt says what became of it, with the same reply as the first time.
   */
  private async resume(
    envelope: CommandEnvelope,
    contact: ContactInputData & { receivedAt: string },
    receipt: ContactReceipt,
    options: TakeOptions,
  ): Promise<ContactReceipt> {
    const { state, recorded, assessment, events } = await this.deps.streams.load(receipt.contactId);
    const first = {
      ...receipt,
      position: events.at(-1)?.position ?? receipt.position,
      ...(assessment
        ? { assessment: { classification: assessment.classification, duplicates: assessment.duplicates } }
        : {}),
    };
    if (options.mode === 'submit' && state.status === 'open' && !state.quarantine && assessment && recorded) {
      const disposition = automaticDisposition(recorded.channel, first.assessment, this.deps.rules);
      return this.dispose(envelope, { ...contact, ...recorded }, disposition, first);
    }
    const data = (type: string) =>
      events.find((e) => e.type === type)?.data as
        { caseNumber?: string; service?: EmergencyService } | undefined;
    const caseNumber = (data('ContactCaseRegistered') ?? data('ContactMergedIntoCase'))?.caseNumber;
    const referral = data('ContactReferred')?.service;
    const reply =
      state.outcome === 'case-registered'
        ? citizenReplies.registered(caseNumber)
        : state.outcome === 'merged-into-case'
          ? citizenReplies.merged(caseNumber)
          : referral
            ? explainReferral(referral).zh
            : state.quarantine
              ? undefined
              : citizenReplies.received();
    return {
      ...first,
      ...(state.outcome ? { outcome: state.outcome } : {}),
      ...(state.caseId ? { caseId: state.caseId } : {}),
      ...(caseNumber ? { caseNumber } : {}),
      ...(referral ? { referral } : {}),
      ...(state.quarantine ? { quarantine: state.quarantine } : {}),
      ...(reply && options.mode === 'submit' ? { reply } : {}),
    };
  }
}
