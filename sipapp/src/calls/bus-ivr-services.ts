import {
  CheckCaller,
  LookUpCaseForCitizen,
  QueueContact,
  RequestCallback,
  SubmitContact,
  chinaWorkingCalendar,
  systemActor,
  type Clock,
  type ContactReceipt,
  type IvrServices,
  type PromptLanguage,
  type QueueRequest,
  type QueueWait,
  type RecordingPurpose,
  type SpokenCaseStatus,
  type WorkingCalendar,
} from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';
import type { Logger } from '@hotline/infra/telemetry';
import type { RecordingArchive } from './recording-archive';

const ACTOR = systemActor('sipapp');
const ORIGIN = { actor: ACTOR, districtId: 'city' };

/** What each recording becomes at intake: the channel and the words the contact log shows. */
const CONTACTS: Record<RecordingPurpose, { channel: 'phone' | 'mayor-mailbox'; content: string }> = {
  complaint: { channel: 'phone', content: '电话自助投诉录音' },
  'mayor-mailbox': { channel: 'mayor-mailbox', content: '市长信箱电话留言' },
  voicemail: { channel: 'phone', content: '非工作时间电话留言' },
};

const SPOKEN: Record<string, SpokenCaseStatus> = {
  accepted: 'accepted',
  'in-progress': 'in-progress',
  answered: 'completed',
  'not-accepted': 'not-accepted',
};

export interface BusIvrServicesDeps {
  bus: BusRequests;
  clock: Clock;
  logger: Logger;
  liveAnnouncement: (language: PromptLanguage) => Promise<string | undefined>;
  /** The city's working days (CityWorkingCalendar); the national calendar when absent. */
  calendar?: Pick<WorkingCalendar, 'isWorkingDay'>;
  /** Keeps a confirmed recording's audio with its contact; absent: the contact names only its length. */
  recordings?: RecordingArchive;
  /** The calls of this replica waiting for an agent; absent (or not this replica's call): the IVR's part ends at the queue. */
  agents?: {
    expect(
      callId: string,
      contactId: string,
      language: PromptLanguage,
    ): (QueueWait & { queued?(): void }) | undefined;
  };
}

/**
 * The platform behind the IVR, on the bus: intake's blocklist and contacts, the workflow's citizen
 * case lookup (case number + the caller's last four digits, so a caller hears only their own case),
 * routing's queues. A failing service never drops the call: the caller hears the safe answer.
 */
export class BusIvrServices implements IvrServices {
  private readonly calendar: Pick<WorkingCalendar, 'isWorkingDay'>;

  constructor(private readonly deps: BusIvrServicesDeps) {
    this.calendar = deps.calendar ?? chinaWorkingCalendar();
  }

  now(): Date {
    return this.deps.clock.now();
  }

  isWorkingDay(at: Date): boolean {
    return this.calendar.isWorkingDay(at);
  }

  async isBlocked(callerNumber: string | undefined): Promise<boolean> {
    if (callerNumber === undefined) return false;
    try {
      const answer = await this.deps.bus.query<{ blocked: boolean }>(
        CheckCaller,
        { viewer: ORIGIN, phone: callerNumber },
        `ivr-block-${callerNumber}`,
      );
      return answer.blocked;
    } catch (error) {
      // A number intake cannot read (not a Chinese number) or intake away: let the caller in.
      this.deps.logger.warn({ err: error }, 'blocklist check failed; caller let in');
      return false;
    }
  }

  liveAnnouncement(language: PromptLanguage): Promise<string | undefined> {
    return this.deps.liveAnnouncement(language);
  }

  async caseStatus(caseNumber: string, callerNumber?: string): Promise<SpokenCaseStatus | undefined> {
    const phoneLast4 = (callerNumber ?? '').replace(/\D/g, '').slice(-4);
    if (phoneLast4.length !== 4) return undefined;
    try {
      const view = await this.deps.bus.query<{ status: string }>(
        LookUpCaseForCitizen,
        { caseNumber, phoneLast4 },
        `ivr-case-${caseNumber}`,
      );
      return SPOKEN[view.status];
    } catch {
      return undefined; // not found, or not the caller's case: the same answer, nothing revealed
    }
  }

  async submitRecording(input: {
    callId: string;
    purpose: RecordingPurpose;
    recording: { id: string; seconds: number };
    callerNumber?: string;
  }) {
    const { channel, content } = CONTACTS[input.purpose];
    const audio = await this.deps.recordings?.keep(input.recording, input.purpose).catch((error: unknown) => {
      this.deps.logger.error({ err: error, callId: input.callId }, 'the recording could not be kept');
      return undefined;
    });
    const receipt = (await this.deps.bus.command(
      SubmitContact,
      `ivr-contact-${input.callId}`,
      {
        contactId: `ivr-${input.callId}`,
        channel,
        caller: input.callerNumber ? { anonymous: false, phone: input.callerNumber } : { anonymous: true },
        content: `${content}（${Math.round(input.recording.seconds)} 秒）`,
        ...(audio ? { attachments: [audio] } : {}),
        ...(input.purpose === 'complaint' ? { subject: '投诉举报' } : {}),
      },
      ORIGIN,
    )) as ContactReceipt;
    return {
      contactId: receipt.contactId,
      ...(receipt.caseNumber ? { caseNumber: receipt.caseNumber } : {}),
    };
  }

  async enqueue(request: QueueRequest): Promise<QueueWait> {
    const contactId = `ivr-${request.callId}`;
    // Expected before it is queued: the router may offer it in the decision that queues it.
    const waiting = this.deps.agents?.expect(request.callId, contactId, request.language);
    await this.deps.bus.command(
      QueueContact,
      `ivr-queue-${request.callId}`,
      {
        contactId,
        queueId: request.queueId,
        channel: 'voice',
        ...(request.callerNumber ? { callerNumber: request.callerNumber } : {}),
        urgent: request.urgent,
        requiredSkills: request.skills,
      },
      ORIGIN,
    );
    if (waiting) {
      waiting.queued?.(); // the hold music and the position announcements
      return waiting;
    }
    return {
      next: () => Promise.resolve({ kind: 'gone' }),
      abandon: async () => undefined,
    };
  }

  async requestCallback(input: { callId: string; callerNumber?: string }): Promise<void> {
    if (input.callerNumber === undefined) return;
    await this.deps.bus.command(
      RequestCallback,
      `ivr-callback-${input.callId}`,
      { contactId: `ivr-${input.callId}`, callbackNumber: input.callerNumber },
      ORIGIN,
    );
  }

  async recordSurveyAnswer(): Promise<void> {
    // The answer is in the call's IvrCallEnded event (its path and survey answers), linked to the agent.
  }
}
