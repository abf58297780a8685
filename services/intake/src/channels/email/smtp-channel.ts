import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { createTransport, type Transporter } from 'nodemailer';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Clock } from '@hotline/contracts';
import type { ChannelIntake } from '../channel-intake';
import type { FileAttachmentStore } from '@hotline/infra/attachments';
import { mailToContact } from './mail-to-contact';

export interface SmtpChannelOptions {
  host: string;
  port: number;
  maxMessageBytes: number;
  maxAttachmentBytes: number;
  /** Lower-case addresses the hotline receives for; empty: any. */
  recipients: readonly string[];
  /** Mail to this address is a mayor's-mailbox contact (市长信箱). */
  mayorMailbox?: string;
  /** Where replies go out; absent: no reply by mail. */
  relayUrl?: string;
  from: string;
}

const smtpError = (responseCode: number, message: string): Error =>
  Object.assign(new Error(message), { responseCode });

/** Reads the whole DATA stream, so the size limit is known before parsing. */
async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The mail channel: an SMTP listener that takes every message as a contact (mail to the hotline's
 * address, the mayor's mailbox forwarding) and answers with the case number through the relay.
 * A bad message is refused with its SMTP code and reason, counted and logged; the session and the
 * listener go on, so the next messages of the batch are taken.
 */
export class SmtpChannel {
  private readonly server: SMTPServer;
  private readonly relay: Transporter | undefined;

  constructor(
    private readonly options: SmtpChannelOptions,
    private readonly intake: ChannelIntake,
    private readonly store: FileAttachmentStore,
    private readonly clock: Clock,
  ) {
    this.relay = options.relayUrl ? createTransport(options.relayUrl) : undefined;
    this.server = new SMTPServer({
      banner: 'Hotline 12345 intake',
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: options.maxMessageBytes,
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const accepted =
          options.recipients.length === 0 || options.recipients.includes(address.address.toLowerCase());
        if (accepted) return callback();
        this.intake.refused('email', 'unknown-recipient', { recipient: address.address });
        callback(smtpError(550, `no mailbox ${address.address} here`));
      },
      onData: (stream, session, callback) => {
        this.receive(stream, session).then(
          (message) => callback(null, message),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      },
    });
    this.server.on('error', (error) => intake.logger.error({ err: error }, 'SMTP listener error'));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => resolve());
    });
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.relay?.close();
  }

  private async receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<string> {
    const raw = await readAll(stream);
    if (stream.sizeExceeded) {
      this.intake.refused('email', 'too-large', { bytes: raw.length, session: session.id });
      throw smtpError(552, `message exceeds the size limit of ${this.options.maxMessageBytes} bytes`);
    }
    let verdict;
    try {
      const mail = await simpleParser(raw);
      const sha256 = createHash('sha256').update(raw).digest('hex');
      verdict = await mailToContact(
        mail,
        { sha256, receivedAt: this.clock.now().toISOString() },
        this.store,
        this.options.maxAttachmentBytes,
      );
    } catch (error) {
      this.intake.refused('email', 'malformed', { err: error, session: session.id });
      throw smtpError(554, 'the message could not be parsed');
    }
    if (!verdict.ok) {
      this.intake.refused('email', verdict.reason, { session: session.id });
      throw smtpError(verdict.responseCode, verdict.message);
    }
    const toMayor = session.envelope.rcptTo.some(
      (r) => r.address.toLowerCase() === this.options.mayorMailbox,
    );
    const input = toMayor ? { ...verdict.input, channel: 'mayor-mailbox' as const } : verdict.input;
    const receipt = await this.intake.take(input, verdict.quarantine);
    if (receipt.reply && receipt.recorded) await this.reply(receipt.contactId, input, receipt.reply);
    return `queued as ${receipt.contactId}`;
  }

  private async reply(
    contactId: string,
    input: { caller: { email?: string }; subject?: string; externalRef?: string },
    text: string,
  ): Promise<void> {
    if (!this.relay || !input.caller.email) return;
    try {
      await this.relay.sendMail({
        from: this.options.from,
        to: input.caller.email,
        subject: `Re: ${input.subject ?? '您的来信'}`,
        text,
        ...(input.externalRef ? { inReplyTo: input.externalRef, references: input.externalRef } : {}),
      });
      await this.intake.recordReply(contactId, 'email', text, contactId);
    } catch (error) {
      this.intake.logger.warn({ err: error, contactId }, 'the reply to a mail could not be sent');
    }
  }
}
