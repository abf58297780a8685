import * as smpp from 'smpp';
import type { Clock } from '@hotline/contracts';
import type { ChannelIntake } from '../channel-intake';
import { normalizeChinesePhone } from '@hotline/contracts';
import { isOptOutWord } from '../../notices/notice-texts';
import { smsToContact } from './sms-contact';
import { SmsReassembly } from './sms-reassembly';
import type { SmsSender } from '../../notices/case-notice.service';
import { decodeDeliverSm, splitForUcs2, type DeliveredSm } from './sms-text';

export interface SmppChannelOptions {
  url: string;
  systemId: string;
  password?: string;
  /** The number replies are sent from. */
  serviceNumber: string;
  reconnectDelayMs?: number;
  /** How long the parts of a long SMS are waited for. */
  partsWaitMs?: number;
  /** A citizen who texted an opt-out word (TD, 退订): no more notices to this number. */
  onOptOut?: (phone: string) => Promise<void>;
}

const ENQUIRE_LINK_MS = 30_000;
const UCS2 = 0x08;

/**
 * The SMS channel as an ESME bound to the operator's SMSC (bind_transceiver): every deliver_sm is
 * decoded, reassembled when long, recorded as a contact, and only then acknowledged, so an SMSC
 * that gets no response redelivers; the reply (the case number) goes back as submit_sm on the same
 * session. A message the hotline cannot read is refused with a permanent error status, counted and
 * logged; the session goes on with the next.
 */
export class SmppChannel implements SmsSender {
  private session: smpp.Session | undefined;
  private bound = false;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private expiryTimer: NodeJS.Timeout | undefined;
  private readonly reassembly: SmsReassembly;
  private replyRef = 0;

  constructor(
    private readonly options: SmppChannelOptions,
    private readonly intake: ChannelIntake,
    private readonly clock: Clock,
  ) {
    this.reassembly = new SmsReassembly(options.partsWaitMs ?? 300_000);
  }

  get isBound(): boolean {
    return this.bound;
  }

  start(): void {
    this.stopped = false;
    this.connect();
    this.expiryTimer = setInterval(() => void this.flushIncomplete(), 10_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.expiryTimer);
    const session = this.session;
    this.session = undefined;
    if (session) await new Promise<void>((resolve) => session.close(() => resolve()));
  }

  private connect(): void {
    const session = smpp.connect({ url: this.options.url, auto_enquire_link_period: ENQUIRE_LINK_MS });
    this.session = session;
    session.on('connect', () => {
      session.bind_transceiver(
        { system_id: this.options.systemId, password: this.options.password ?? '' },
        (pdu) => {
          this.bound = pdu.command_status === smpp.ESME_ROK;
          if (!this.bound)
            this.intake.logger.error({ status: pdu.command_status }, 'the SMSC refused the bind');
        },
      );
    });
    session.on('deliver_sm', (pdu: smpp.PDU) => void this.onDeliver(session, pdu));
    session.on('error', (error: Error) => this.intake.logger.warn({ err: error }, 'SMPP session error'));
    session.on('close', () => {
      this.bound = false;
      if (this.stopped || this.session !== session) return;
      this.reconnectTimer = setTimeout(() => this.connect(), this.options.reconnectDelayMs ?? 5_000);
    });
  }

  private async onDeliver(session: smpp.Session, pdu: smpp.PDU): Promise<void> {
    const sender = typeof pdu.source_addr === 'string' ? pdu.source_addr : '';
    try {
      if (((pdu.esm_class as number | undefined) ?? 0) & smpp.ESM_CLASS.MC_DELIVERY_RECEIPT) {
        session.send(pdu.response());
        return;
      }
      const decoded = decodeDeliverSm(pdu as unknown as DeliveredSm);
      if (!decoded.ok) {
        this.intake.refused('sms', decoded.reason, { sender, dataCoding: pdu.data_coding });
        session.send(pdu.response({ command_status: smpp.ESME_RX_P_APPN }));
        return;
      }
      const now = this.clock.now();
      const text = decoded.part ? this.reassembly.add(sender, decoded.part, decoded.text, now) : decoded.text;
      if (text === undefined) {
        session.send(pdu.response());
        return;
      }
      const taken = await this.takeText(
        sender,
        text,
        now,
        decoded.part ? `ref-${decoded.part.ref}` : undefined,
      );
      session.send(pdu.response(taken ? {} : { command_status: smpp.ESME_RX_P_APPN }));
    } catch (error) {
      // Not recorded: a temporary error makes the SMSC deliver it again later.
      this.intake.logger.error(
        { err: error, sender },
        'an SMS could not be recorded; the SMSC will redeliver it',
      );
      session.send(pdu.response({ command_status: smpp.ESME_RX_T_APPN }));
    }
  }

  /** Records the text; false when it is refused (empty, too long). Sends the reply. */
  private async takeText(
    sender: string,
    text: string,
    now: Date,
    externalRef: string | undefined,
  ): Promise<boolean> {
    const phone = normalizeChinesePhone(sender);
    if (this.options.onOptOut && phone && isOptOutWord(text)) {
      await this.options.onOptOut(phone);
      return true;
    }
    const contact = smsToContact(sender, text, now, externalRef);
    if (!contact.ok) {
      this.intake.refused('sms', contact.reason, { sender });
      return false;
    }
    const receipt = await this.intake.take(contact.input);
    if (receipt.reply && receipt.recorded) this.reply(sender, receipt.contactId, receipt.reply);
    return true;
  }

  private reply(destination: string, contactId: string, text: string): void {
    const ref = (this.replyRef + 1) % 256;
    this.send(destination, text).then(
      () => this.intake.recordReply(contactId, 'sms', text, `${contactId}-${ref}`),
      (error: unknown) => this.intake.logger.warn({ err: error, contactId }, 'the SMSC refused a reply'),
    );
  }

  /**
   * Sends `text` to `destination` (a canonical mobile number gets the country code), in UCS2 parts
   * when long; resolves with the part count once the SMSC accepted every part.
   */
  send(destination: string, text: string): Promise<number> {
    const session = this.session;
    if (!session || !this.bound) return Promise.reject(new Error('the SMS channel is not bound to the SMSC'));
    const ref = (this.replyRef = (this.replyRef + 1) % 256);
    const parts = splitForUcs2(text, ref);
    const to = /^1[3-9]\d{9}$/.test(destination) ? `86${destination}` : destination;
    return Promise.all(
      parts.map(
        (part) =>
          new Promise<void>((resolve, reject) => {
            session.submit_sm(
              {
                source_addr: this.options.serviceNumber,
                destination_addr: to,
                data_coding: UCS2,
                short_message: part.udh ? { udh: part.udh, message: part.message } : part.message,
              },
              (response) =>
                response.command_status === smpp.ESME_ROK
                  ? resolve()
                  : reject(new Error(`the SMSC refused the message: status ${response.command_status}`)),
            );
          }),
      ),
    ).then(() => parts.length);
  }

  private async flushIncomplete(): Promise<void> {
    for (const { sender, text, ref } of this.reassembly.expire(this.clock.now())) {
      try {
        await this.takeText(sender, text, this.clock.now(), `ref-${ref}-incomplete`);
      } catch (error) {
        this.intake.logger.error({ err: error, sender }, 'an incomplete long SMS could not be recorded');
      }
    }
  }
}
