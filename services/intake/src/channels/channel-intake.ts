import { systemActor, type CommandEnvelope, type ContactReceipt } from '@hotline/contracts';
import type { Logger } from '@hotline/infra/telemetry';
import type { ContactInputData, ContactIntakeService, TakeOptions } from '../contact/contact-intake.service';
import type { ContactStreams } from '../contact/contact-streams';
import type { IntakeMetrics } from '../intake-metrics';

/**
 * What the channel front ends hand contacts to: the intake pipeline as the platform itself
 * (`system:channel-<name>`), in the channels' district. The contact id comes from the channel's own
 * message id, so a message delivered twice (a WeChat retry, an SMSC redelivery) is recorded once.
 */
export class ChannelIntake {
  constructor(
    private readonly intake: ContactIntakeService,
    private readonly streams: ContactStreams,
    private readonly districtId: string,
    readonly metrics: IntakeMetrics,
    readonly logger: Logger,
  ) {}

  take(input: ContactInputData, quarantine?: TakeOptions['quarantine']): Promise<ContactReceipt> {
    return this.intake.take(this.envelope(input.contactId, input.channel, `take-${input.contactId}`), input, {
      mode: 'submit',
      ...(quarantine ? { quarantine } : {}),
    });
  }

  /** Records a reply the channel sent; a failure is logged, since the reply went out anyway. */
  async recordReply(contactId: string, channel: string, text: string, replyId: string): Promise<void> {
    try {
      await this.streams.decide(this.envelope(contactId, channel, `reply-${replyId}`), contactId, {
        type: 'Reply',
        data: { text },
      });
    } catch (error) {
      this.logger.warn({ err: error, contactId }, 'a reply was sent but could not be recorded');
    }
  }

  /** A message a channel refused before recording it: counted and logged with the reason. */
  refused(channel: ContactInputData['channel'], reason: string, detail: Record<string, unknown>): void {
    this.metrics.refused(channel, reason);
    this.logger.warn({ channel, reason, ...detail }, `${channel} message refused: ${reason}`);
  }

  private envelope(contactId: string, channel: string, commandId: string): CommandEnvelope {
    return {
      commandId,
      type: 'TakeContact',
      data: {},
      metadata: {
        correlationId: contactId,
        actor: systemActor(`channel-${channel}`),
        districtId: this.districtId,
      },
    };
  }
}
