/**
 * drachtio's control framing (srf's `lib/wire-protocol.js`): `<utf-8 byte length>#<message>`, where a
 * message is `<msgId>|<type>|tok|tok…`, then CRLF and the raw SIP message when there is one.
 */
export function frame(message: string): string {
  return `${Buffer.byteLength(message, 'utf8')}#${message}`;
}

/** Collects TCP chunks and hands out whole messages; a frame without a valid length is refused. */
export class FrameReader {
  private buffer = Buffer.alloc(0);

  push(chunk: Buffer): string[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const messages: string[] = [];
    for (;;) {
      const hash = this.buffer.indexOf('#');
      if (hash < 0) return messages;
      const length = Number(this.buffer.toString('utf8', 0, hash));
      if (!Number.isSafeInteger(length) || length <= 0)
        throw new Error(
          `invalid drachtio frame: no length before '#' in "${this.buffer.toString('utf8', 0, 40)}"`,
        );
      const end = hash + 1 + length;
      if (this.buffer.length < end) return messages;
      messages.push(this.buffer.toString('utf8', hash + 1, end));
      this.buffer = this.buffer.subarray(end);
    }
  }
}

/** A message's leader tokens (before the first CRLF) and its SIP part (after it), if any. */
export function splitMessage(message: string): { tokens: string[]; sip: string } {
  const crlf = message.indexOf('\r\n');
  const leader = crlf < 0 ? message : message.slice(0, crlf);
  return { tokens: leader.split('|'), sip: crlf < 0 ? '' : message.slice(crlf + 2) };
}
