import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A message pushed to the official account (plain-text mode), as far as intake reads it. */
export interface WechatMessage {
  toUser: string;
  fromUser: string;
  createTime: number;
  msgType: string;
  msgId?: string;
  content?: string;
  /** Voice messages carry the speech recognised by WeChat. */
  recognition?: string;
  picUrl?: string;
  event?: string;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  processEntities: true,
  htmlEntities: false,
  trimValues: false,
});

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

/** The message of a push body, or undefined when the XML is malformed or lacks the required fields. */
export function parseWechatMessage(xml: string): WechatMessage | undefined {
  if (XMLValidator.validate(xml) !== true) return undefined;
  const root = (parser.parse(xml) as { xml?: Record<string, unknown> }).xml;
  if (!root || typeof root !== 'object') return undefined;
  const toUser = text(root.ToUserName);
  const fromUser = text(root.FromUserName);
  const msgType = text(root.MsgType);
  const createTime = Number(text(root.CreateTime));
  if (!toUser || !fromUser || !msgType || !Number.isFinite(createTime)) return undefined;
  const field = (name: string) => {
    const value = text(root[name]);
    return value === undefined ? {} : { [name.charAt(0).toLowerCase() + name.slice(1)]: value };
  };
  return {
    toUser,
    fromUser,
    createTime,
    msgType,
    ...(text(root.MsgId) ? { msgId: text(root.MsgId) } : {}),
    ...field('Content'),
    ...field('Recognition'),
    ...(text(root.PicUrl) ? { picUrl: text(root.PicUrl) } : {}),
    ...(text(root.Event) ? { event: text(root.Event) } : {}),
  };
}

const cdata = (value: string): string => `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** The `Encrypt` field of a safe-mode (or compatible-mode) push, or undefined when there is none. */
export function parseEncryptedPush(xml: string): string | undefined {
  if (XMLValidator.validate(xml) !== true) return undefined;
  const root = (parser.parse(xml) as { xml?: Record<string, unknown> }).xml;
  const encrypt = root && typeof root === 'object' ? text(root.Encrypt) : undefined;
  return encrypt?.trim() ? encrypt.trim() : undefined;
}

/** A safe-mode response: the encrypted reply with its signature, timestamp and nonce. */
export function wechatEncryptedReply(
  encrypt: string,
  signature: string,
  timestamp: string,
  nonce: string,
): string {
  return `<xml><Encrypt>${cdata(encrypt)}</Encrypt><MsgSignature>${cdata(signature)}</MsgSignature><TimeStamp>${timestamp}</TimeStamp><Nonce>${cdata(nonce)}</Nonce></xml>`;
}

/** A passive text reply: back to the follower, from the account, within the push's response. */
export function wechatTextReply(to: string, from: string, content: string, now: Date): string {
  return `<xml><ToUserName>${cdata(to)}</ToUserName><FromUserName>${cdata(from)}</FromUserName><CreateTime>${Math.floor(
    now.getTime() / 1000,
  )}</CreateTime><MsgType>${cdata('text')}</MsgType><Content>${cdata(content)}</Content></xml>`;
}
