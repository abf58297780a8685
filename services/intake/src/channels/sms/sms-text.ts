/** Data codings the SMS channel reads: SMSC default (GSM 7-bit), IA5/ASCII, Latin-1, UCS2. */
const READABLE_CODINGS = new Set([0x00, 0x01, 0x03, 0x08]);
const UCS2 = 0x08;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** One part of a concatenated SMS (UDH information element 0x00 or 0x08). */
export interface SmsPart {
  ref: number;
  total: number;
  seq: number;
}

/** What the smpp package leaves of a deliver_sm once it has decoded it. */
export interface DeliveredSm {
  data_coding?: number;
  esm_class?: number;
  short_message?: { message?: string | Buffer; udh?: Buffer[] };
  message_payload?: { message?: string | Buffer; udh?: Buffer[] };
}

export type SmsDecoding =
  { ok: true; text: string; part?: SmsPart } | { ok: false; reason: 'unsupported-encoding' | 'invalid-ucs2' };

function concatenation(udh: readonly Buffer[] | undefined): SmsPart | undefined {
  for (const element of udh ?? []) {
    if (element[0] === 0x00 && element[1] === 3 && element.length >= 5) {
      return { ref: element[2] as number, total: element[3] as number, seq: element[4] as number };
    }
    if (element[0] === 0x08 && element[1] === 4 && element.length >= 6) {
      return { ref: element.readUInt16BE(2), total: element[4] as number, seq: element[5] as number };
    }
  }
  return undefined;
}

/**
 * The text of a deliver_sm, or why it cannot be read: a data coding the hotline does not read
 * (binary, pictograms, Japanese sets), or UCS2 that is not valid UTF-16 (half a surrogate pair).
 * (The smpp package drops a trailing odd byte of UCS2 itself, before this sees the text.)
 */
export function decodeDeliverSm(pdu: DeliveredSm): SmsDecoding {
  const coding = (pdu.data_coding ?? 0) & 0x0f;
  if (!READABLE_CODINGS.has(coding)) return { ok: false, reason: 'unsupported-encoding' };
  const body = pdu.message_payload?.message !== undefined ? pdu.message_payload : pdu.short_message;
  const message = body?.message;
  if (message === undefined || Buffer.isBuffer(message)) return { ok: false, reason: 'unsupported-encoding' };
  if (coding === UCS2 && LONE_SURROGATE.test(message)) return { ok: false, reason: 'invalid-ucs2' };
  const part = concatenation(body?.udh);
  return { ok: true, text: message, ...(part && part.total > 1 ? { part } : {}) };
}

/** UDH headers that split a long reply into parts of at most 67 UCS2 characters (reference `ref`). */
export function splitForUcs2(text: string, ref: number): Array<{ udh?: Buffer; message: string }> {
  const chars = [...text];
  if (chars.length <= 70) return [{ message: text }];
  const parts: string[] = [];
  for (let i = 0; i < chars.length; i += 67) parts.push(chars.slice(i, i + 67).join(''));
  return parts.map((message, i) => ({
    udh: Buffer.from([0x05, 0x00, 0x03, ref & 0xff, parts.length, i + 1]),
    message,
  }));
}
