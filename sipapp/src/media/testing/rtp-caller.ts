import { createSocket, type Socket } from 'node:dgram';

/**
 * A caller's RTP end for media tests without SIP (a test double of a phone's media stack, no audio
 * device): it offers an SDP on its own UDP port, counts the RTP packets it receives (what it "heard"),
 * sends μ-law audio and RFC 2833 DTMF to the address rtpengine answered with.
 */
export class RtpCaller {
  received = 0;
  /** Packets heard whose payload is one byte over and over, by that byte: a far end's `talk(ms, fill)`. */
  private readonly fills = new Map<number, number>();
  private seq = 1;
  private timestamp = 0;
  private readonly ssrc = Math.floor(Math.random() * 0xffffffff);
  private remote: { host: string; port: number } | undefined;
  /** A tone listened for (`listenForTone`) and how many heard packets it filled. */
  private listened: { hz: number; packets: number } | undefined;

  private constructor(
    private readonly socket: Socket,
    readonly port: number,
  ) {
    socket.on('message', (packet) => {
      this.received += 1;
      const payload = packet.subarray(12);
      if (payload.length > 0 && payload.every((byte) => byte === payload[0]))
        this.fills.set(payload[0]!, (this.fills.get(payload[0]!) ?? 0) + 1);
      if (this.listened && (packet[1]! & 0x7f) === 0 && isTone(payload, this.listened.hz))
        this.listened.packets += 1;
    });
  }

  static async open(): Promise<RtpCaller> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
    return new RtpCaller(socket, socket.address().port);
  }

  get sdp(): string {
    return (
      `v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=call\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n` +
      `m=audio ${this.port} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n` +
      `a=fmtp:101 0-15\r\na=sendrecv\r\n`
    );
  }

  /** Takes rtpengine's answer: where to send. */
  answered(sdp: string): void {
    const host = /c=IN IP4 ([0-9.]+)/.exec(sdp)?.[1] ?? '127.0.0.1';
    const port = Number(/m=audio ([0-9]+)/.exec(sdp)?.[1]);
    this.remote = { host, port };
  }

  /**
   * Sends `ms` of μ-law silence-ish noise, 20 ms a packet, paced like a phone; with `fill`, every
   * byte of every packet is that one (a mark the far end counts with `heardFill`).
   */
  async talk(ms: number, fill?: number): Promise<void> {
    for (let t = 0; t < ms; t += 20) {
      const payload = Buffer.alloc(160, fill ?? 0x7f ^ (t % 7));
      this.send(0, payload, false);
      this.timestamp += 160;
      await pause(20);
    }
  }

  /** Sends `ms` of a sine tone at `hz` (μ-law, half scale): a side of a call that a recording must hold. */
  async tone(ms: number, hz: number): Promise<void> {
    for (let t = 0; t < ms; t += 20) {
      const payload = Buffer.alloc(160);
      for (let i = 0; i < 160; i++)
        payload[i] = ulaw(Math.round(16_000 * Math.sin((2 * Math.PI * hz * (this.timestamp + i)) / 8000)));
      this.send(0, payload, false);
      this.timestamp += 160;
      await pause(20);
    }
  }

  /** One RFC 2833 key: a few packets with growing duration, then three end packets. */
  async press(digit: string): Promise<void> {
    const event = '0123456789*#'.indexOf(digit);
    for (let i = 1; i <= 5; i++) {
      this.send(101, Buffer.from([event, 10, 0, i * 160]), i === 1);
      await pause(20);
    }
    for (let i = 0; i < 3; i++) this.send(101, Buffer.from([event, 0x80 | 10, 0x03, 0x20]), false);
    this.timestamp += 1000;
    await pause(60);
  }

  /** How many packets came filled with `fill` (sent by a far end's `talk(ms, fill)`). */
  heardFill(fill: number): number {
    return this.fills.get(fill) ?? 0;
  }

  /** From now on, counts heard packets that are mostly one tone at `hz` (a test's hold music). */
  listenForTone(hz: number): void {
    this.listened = { hz, packets: 0 };
  }

  /** Packets heard since `listenForTone` whose sound was mostly that tone. */
  get heardTone(): number {
    return this.listened?.packets ?? 0;
  }

  close(): void {
    this.socket.close();
  }

  private send(payloadType: number, payload: Buffer, marker: boolean): void {
    if (!this.remote) throw new Error('no answer from rtpengine yet');
    const header = Buffer.alloc(12);
    header[0] = 0x80;
    header[1] = (marker ? 0x80 : 0) | payloadType;
    header.writeUInt16BE(this.seq++ & 0xffff, 2);
    header.writeUInt32BE(this.timestamp >>> 0, 4);
    header.writeUInt32BE(this.ssrc >>> 0, 8);
    this.socket.send(Buffer.concat([header, payload]), this.remote.port, this.remote.host);
  }
}

/** G.711 μ-law encoding of a linear 16-bit sample. */
function ulaw(sample: number): number {
  const sign = sample < 0 ? 0x80 : 0;
  const magnitude = Math.min(Math.abs(sample), 32_635) + 0x84;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** G.711 μ-law to linear (ITU-T G.711). */
function linearOf(byte: number): number {
  const u = ~byte & 0xff;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4)) - 0x84;
  return u & 0x80 ? -magnitude : magnitude;
}

/**
 * Whether a μ-law packet is mostly a tone at `hz`: the Goertzel power at `hz` against the packet's
 * whole energy (a pure tone gives about 1, speech and silence far less).
 */
function isTone(payload: Buffer, hz: number): boolean {
  const samples = [...payload].map(linearOf);
  const energy = samples.reduce((sum, x) => sum + x * x, 0);
  if (energy < samples.length * 100 * 100) return false; // near silence
  const coefficient = 2 * Math.cos((2 * Math.PI * hz) / 8000);
  let s1 = 0;
  let s2 = 0;
  for (const x of samples) {
    const s0 = x + coefficient * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
  return (2 * power) / (samples.length * energy) > 0.6;
}
