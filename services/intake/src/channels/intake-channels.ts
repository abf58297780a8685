import { ValidationError, type Clock } from '@hotline/contracts';
import type { IntakeConfig } from '../intake.config';
import type { ChannelIntake } from './channel-intake';
import { ChannelHttpServer, type WebhookRoute } from './channel-http-server';
import { SmtpChannel } from './email/smtp-channel';
import type { FileAttachmentStore } from '@hotline/infra/attachments';
import type { SmsSender } from '../notices/case-notice.service';
import { SmppChannel } from './sms/smpp-channel';
import { SmsWebhook } from './sms/sms-webhook';
import { WechatCrypto } from './wechat/wechat-crypto';
import { WechatWebhook } from './wechat/wechat-webhook';

/** Webhook bodies are small: a batch of SMS, one WeChat message. */
const MAX_WEBHOOK_BYTES = 256 * 1024;

export interface ChannelAddresses {
  smtpPort?: number;
  webhookPort?: number;
  smppBound?: boolean;
}

/**
 * The channel front ends the configuration turns on: the SMTP listener, the SMPP session to the
 * SMSC, and the webhook listener (SMS push, WeChat push). Started after the read models, stopped
 * before them.
 */
export class IntakeChannels {
  private readonly smtp: SmtpChannel | undefined;
  private readonly smppChannel: SmppChannel | undefined;
  private readonly http: ChannelHttpServer | undefined;

  constructor(
    private readonly config: IntakeConfig,
    intake: ChannelIntake,
    attachments: FileAttachmentStore,
    clock: Clock,
    hooks: { onOptOut?: (phone: string) => Promise<void> } = {},
  ) {
    if (config.INTAKE_SMTP_PORT !== undefined) {
      this.smtp = new SmtpChannel(
        {
          host: config.INTAKE_SMTP_HOST,
          port: config.INTAKE_SMTP_PORT,
          maxMessageBytes: config.INTAKE_SMTP_MAX_MESSAGE_BYTES,
          maxAttachmentBytes: config.INTAKE_MAX_ATTACHMENT_BYTES,
          recipients: (config.INTAKE_MAIL_RECIPIENTS ?? '')
            .split(',')
            .map((a) => a.trim().toLowerCase())
            .filter((a) => a !== ''),
          from: config.INTAKE_MAIL_FROM,
          ...(config.INTAKE_MAYOR_MAILBOX ? { mayorMailbox: config.INTAKE_MAYOR_MAILBOX.toLowerCase() } : {}),
          ...(config.INTAKE_MAIL_RELAY_URL ? { relayUrl: config.INTAKE_MAIL_RELAY_URL } : {}),
        },
        intake,
        attachments,
        clock,
      );
    }
    if (config.INTAKE_SMPP_URL) {
      this.smppChannel = new SmppChannel(
        {
          url: config.INTAKE_SMPP_URL,
          systemId: config.INTAKE_SMPP_SYSTEM_ID,
          serviceNumber: config.INTAKE_SMS_SERVICE_NUMBER,
          ...(config.INTAKE_SMPP_PASSWORD ? { password: config.INTAKE_SMPP_PASSWORD } : {}),
          ...(hooks.onOptOut ? { onOptOut: hooks.onOptOut } : {}),
        },
        intake,
        clock,
      );
    }
    const routes = new Map<string, WebhookRoute>();
    if (config.INTAKE_SMS_WEBHOOK_TOKEN) {
      const sms = new SmsWebhook(config.INTAKE_SMS_WEBHOOK_TOKEN, intake, clock);
      routes.set('/sms/inbound', (request) => sms.handle(request));
    }
    if (config.INTAKE_WECHAT_TOKEN) {
      if (!config.INTAKE_WECHAT_ENCODING_AES_KEY !== !config.INTAKE_WECHAT_APP_ID)
        throw new ValidationError(
          'INTAKE_WECHAT_APP_ID',
          'INTAKE_WECHAT_ENCODING_AES_KEY and INTAKE_WECHAT_APP_ID are set together or not at all',
        );
      const crypto =
        config.INTAKE_WECHAT_ENCODING_AES_KEY && config.INTAKE_WECHAT_APP_ID
          ? new WechatCrypto(config.INTAKE_WECHAT_ENCODING_AES_KEY, config.INTAKE_WECHAT_APP_ID)
          : undefined;
      const wechat = new WechatWebhook(
        {
          token: config.INTAKE_WECHAT_TOKEN,
          maxAgeSeconds: config.INTAKE_WECHAT_MAX_AGE_SECONDS,
          ...(crypto ? { crypto } : {}),
        },
        intake,
        clock,
      );
      routes.set('/wechat', (request) => wechat.handle(request));
    }
    if (config.INTAKE_CHANNELS_HTTP_PORT !== undefined && routes.size > 0) {
      this.http = new ChannelHttpServer(routes, MAX_WEBHOOK_BYTES, intake.logger);
    }
  }

  async start(): Promise<void> {
    await this.smtp?.start();
    await this.http?.start(this.config.INTAKE_CHANNELS_HTTP_PORT ?? 0, this.config.INTAKE_CHANNELS_HTTP_HOST);
    this.smppChannel?.start();
  }

  async stop(): Promise<void> {
    await this.smppChannel?.stop();
    await this.http?.stop();
    await this.smtp?.stop();
  }

  /** The SMS adapter for outgoing notices, when the SMPP channel is configured. */
  get smsSender(): SmsSender | undefined {
    return this.smppChannel;
  }

  /** Where the listeners ended up (port 0 picks a free one). */
  addresses(): ChannelAddresses {
    return {
      ...(this.smtp ? { smtpPort: this.smtp.port } : {}),
      ...(this.http ? { webhookPort: this.http.port } : {}),
      ...(this.smppChannel ? { smppBound: this.smppChannel.isBound } : {}),
    };
  }
}
