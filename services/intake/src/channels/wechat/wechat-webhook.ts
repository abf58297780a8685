import { createHash } from 'node:crypto';
import type { Clock } from '@hotline/contracts';
import type { ContactInputData } from '../../contact/contact-intake.service';
import type { ChannelIntake } from '../channel-intake';
import type { WebhookRequest, WebhookResponse } from '../channel-http-server';
import { judgeText } from '../contact-text';
import { msgSignatureMatches, wechatMsgSignature, type WechatCrypto } from './wechat-crypto';
import {
  parseEncryptedPush,
  parseWechatMessage,
  wechatEncryptedReply,
  wechatTextReply,
  type WechatMessage,
} from './wechat-message';
import { verifyWechatSignature } from './wechat-signature';

const OPEN_ID = /^[A-Za-z0-9_-]{1,64}$/;
const WELCOME = '您好，这里是12345政务服务便民热线。请直接发送文字描述您的诉求，我们将尽快受理。';
const TEXT_ONLY = '【12345】请用文字描述您的诉求（事项、地点、联系电话），以便我们受理。';

export interface WechatWebhookOptions {
  token: string;
  maxAgeSeconds: number;
  /** Safe (encrypted) and compatible modes: the EncodingAESKey and the AppID it is bound to. */
  crypto?: WechatCrypto;
}

const plain = (status: number, body: string): WebhookResponse => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body,
});
const xml = (body: string): WebhookResponse => ({
  status: 200,
  headers: { 'content-type': 'application/xml; charset=utf-8' },
  body,
});

/**
 * The WeChat official account's message push: `GET /wechat` answers the URL check with `echostr`,
 * `POST /wechat` takes a follower's message as a contact and answers with a passive reply. Every
 * call is checked by its SHA-1 signature and timestamp first; a bad one is refused, counted and
 * logged. In safe and compatible modes (`encrypt_type=aes`) the push carries the message encrypted,
 * signed by `msg_signature`; it is decrypted and its AppID checked, and the reply goes back
 * encrypted. WeChat retries a push it got no answer to, and the MsgId makes the retry the same
 * contact.
 */
export class WechatWebhook {
  constructor(
    private readonly options: WechatWebhookOptions,
    private readonly intake: ChannelIntake,
    private readonly clock: Clock,
  ) {}

  async handle(request: WebhookRequest): Promise<WebhookResponse> {
    if (request.method === 'POST' && request.query.get('encrypt_type') === 'aes')
      return this.handleEncrypted(request);
    const now = this.clock.now();
    const signature = verifyWechatSignature(
      this.options.token,
      request.query,
      now,
      this.options.maxAgeSeconds,
    );
    if (!signature.ok) {
      this.intake.refused('wechat', signature.reason, { method: request.method });
      return plain(401, signature.reason);
    }
    if (request.method === 'GET') return plain(200, request.query.get('echostr') ?? '');
    if (request.method !== 'POST') return plain(405, 'method not allowed');
    return this.take(request.body.toString('utf8'), now, (reply) => xml(reply));
  }

  /** A safe- or compatible-mode push: signature over the ciphertext, freshness, decryption, AppID. */
  private async handleEncrypted(request: WebhookRequest): Promise<WebhookResponse> {
    const now = this.clock.now();
    const { crypto, token, maxAgeSeconds } = this.options;
    const refuse = (status: number, reason: string) => {
      this.intake.refused('wechat', reason, { mode: 'aes' });
      return plain(status, reason);
    };
    if (!crypto) return refuse(400, 'encryption-not-configured');
    const encrypt = parseEncryptedPush(request.body.toString('utf8'));
    if (!encrypt) return refuse(400, 'malformed');
    const signature = msgSignatureMatches(token, request.query, encrypt);
    if (signature !== 'ok') return refuse(401, signature);
    const timestamp = request.query.get('timestamp') ?? '';
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > maxAgeSeconds)
      return refuse(401, 'stale-timestamp');
    const decrypted = crypto.decrypt(encrypt);
    if (!decrypted.ok) return refuse(400, decrypted.reason);
    return this.take(decrypted.xml, now, (reply) => {
      const sealed = crypto.encrypt(reply);
      const replyTimestamp = String(Math.floor(now.getTime() / 1000));
      const nonce = request.query.get('nonce') ?? '';
      return xml(
        wechatEncryptedReply(
          sealed,
          wechatMsgSignature(token, replyTimestamp, nonce, sealed),
          replyTimestamp,
          nonce,
        ),
      );
    });
  }

  /** The message of a push (decrypted already in safe mode), taken as a contact; `seal` wraps the reply. */
  private async take(
    body: string,
    now: Date,
    seal: (reply: string) => WebhookResponse,
  ): Promise<WebhookResponse> {
    const message = parseWechatMessage(body);
    if (!message || !OPEN_ID.test(message.fromUser)) {
      this.intake.refused('wechat', 'malformed', { bytes: body.length });
      return plain(400, 'malformed message');
    }
    const answer = (content: string) => seal(wechatTextReply(message.fromUser, message.toUser, content, now));
    if (message.msgType === 'event')
      return message.event === 'subscribe' ? answer(WELCOME) : plain(200, 'success');
    const raw =
      message.content ?? message.recognition ?? (message.picUrl ? `[图片] ${message.picUrl}` : undefined);
    if (raw === undefined) return answer(TEXT_ONLY);
    const verdict = judgeText(raw);
    if (!verdict.ok) {
      this.intake.refused('wechat', verdict.reason, { openId: message.fromUser });
      return answer(
        verdict.reason === 'too-long' ? '【12345】您发送的内容过长，请分条简要描述诉求。' : TEXT_ONLY,
      );
    }
    const receipt = await this.intake.take(this.contactOf(message, verdict.text));
    if (!receipt.reply) return plain(200, 'success');
    if (receipt.recorded)
      await this.intake.recordReply(receipt.contactId, 'wechat', receipt.reply, receipt.contactId);
    return answer(receipt.reply);
  }

  private contactOf(message: WechatMessage, content: string): ContactInputData {
    const key =
      message.msgId ??
      createHash('sha1').update(`${message.fromUser}\n${message.createTime}`).digest('hex').slice(0, 32);
    return {
      contactId: `wechat-${key}`,
      channel: 'wechat',
      receivedAt: new Date(message.createTime * 1000).toISOString(),
      caller: { wechatOpenId: message.fromUser, anonymous: false },
      content,
      attachments: [],
      ...(message.msgId ? { externalRef: message.msgId } : {}),
    };
  }
}
