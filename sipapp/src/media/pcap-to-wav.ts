/**
 * rtpengine's pcap recordings (`--recording-method=pcap`) as WAV: the caller's RTP packets (raw IP or
 * Ethernet link layer, IPv4/UDP) → their μ-law (PCMU) payloads in timestamp order → 16-bit PCM at
 * 8 kHz mono, with silence where packets are missing. Other payload types (telephone-event) are
 * skipped. Prompts played into the call are not in the pcap.
 */
export function pcapToWav(pcap: Buffer): Buffer {
  const frames = rtpFrames(pcap).filter((frame) => frame.payloadType === 0);
  if (frames.length === 0) return wav(new Int16Array(0));
  const ssrc = mostCommon(frames.map((frame) => frame.ssrc)); // the caller's stream
  const mine = frames.filter((frame) => frame.ssrc === ssrc);
  // Timestamps relative to the first packet in the file, signed (packets arrive out of order, and a
  // 32-bit timestamp may wrap); the earliest becomes sample 0.
  const relative = mine.map((frame) => (frame.timestamp - mine[0]!.timestamp) | 0);
  const earliest = Math.min(...relative);
  const offsets = relative.map((delta) => delta - earliest);
  const length = Math.max(...offsets.map((offset, i) => offset + mine[i]!.payload.length));
  const samples = new Int16Array(Math.min(length, MAX_SAMPLES));
  mine.forEach((frame, i) => {
    const offset = offsets[i]!;
    for (let j = 0; j < frame.payload.length && offset + j < samples.length; j++)
      samples[offset + j] = ULAW[frame.payload[j]!]!;
  });
  return wav(samples);
}

/**
 * A whole call as one WAV: every μ-law stream in the call's pcaps (the caller's and, once bridged, the
 * agent's; rtpengine writes a file per recording started) mixed into one track. Streams have
 * unrelated RTP clocks, so each is placed where its first packet was captured and runs on its own
 * timestamps from there; a stream seen twice (in and out of rtpengine) writes the same samples again.
 */
export function callPcapsToWav(pcaps: readonly Buffer[]): Buffer {
  const frames = pcaps.flatMap((pcap) => rtpFrames(pcap)).filter((frame) => frame.payloadType === 0);
  if (frames.length === 0) return wav(new Int16Array(0));
  const start = Math.min(...frames.map((frame) => frame.at));
  const streams = new Map<number, RtpFrame[]>();
  for (const frame of frames) {
    const stream = streams.get(frame.ssrc);
    if (stream) stream.push(frame);
    else streams.set(frame.ssrc, [frame]);
  }
  const placed = [...streams.values()].map((stream) => {
    const anchor = stream.reduce((first, frame) => (frame.at < first.at ? frame : first));
    const base = Math.round((anchor.at - start) * 8000);
    return stream.map((frame) => ({ offset: base + ((frame.timestamp - anchor.timestamp) | 0), frame }));
  });
  const end = Math.max(...placed.flat().map(({ offset, frame }) => offset + frame.payload.length));
  const length = Math.min(Math.max(end, 0), MAX_SAMPLES);
  const mixed = new Int32Array(length);
  for (const stream of placed) {
    const own = new Int16Array(length);
    for (const { offset, frame } of stream)
      for (let j = 0; j < frame.payload.length; j++)
        if (offset + j >= 0 && offset + j < length) own[offset + j] = ULAW[frame.payload[j]!]!;
    for (let i = 0; i < length; i++) mixed[i] = mixed[i]! + own[i]!;
  }
  return wav(Int16Array.from(mixed, (sample) => Math.max(-32768, Math.min(32767, sample))));
}

/** One hour at 8 kHz: a timestamp jump beyond it is a broken stream, not a long call. */
const MAX_SAMPLES = 8000 * 3600;

interface RtpFrame {
  /** When the packet was captured, in seconds (the pcap record's time). */
  at: number;
  payloadType: number;
  timestamp: number;
  ssrc: number;
  payload: Buffer;
}

function rtpFrames(pcap: Buffer): RtpFrame[] {
  if (pcap.length < 24) throw new Error('not a pcap file: shorter than its header');
  const magic = pcap.readUInt32LE(0);
  const little = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  if (!little && pcap.readUInt32BE(0) !== 0xa1b2c3d4 && pcap.readUInt32BE(0) !== 0xa1b23c4d)
    throw new Error('not a pcap file: unknown magic number');
  const u32 = (at: number) => (little ? pcap.readUInt32LE(at) : pcap.readUInt32BE(at));
  const linkType = u32(20);
  const linkHeader = linkType === 1 ? 14 : 0; // Ethernet, else raw IP (101, 228)
  const nanos = (little ? magic : pcap.readUInt32BE(0)) === 0xa1b23c4d;
  const frames: RtpFrame[] = [];
  for (let at = 24; at + 16 <= pcap.length;) {
    const time = u32(at) + u32(at + 4) / (nanos ? 1e9 : 1e6);
    const captured = u32(at + 8);
    const packet = pcap.subarray(at + 16, at + 16 + captured);
    at += 16 + captured;
    const frame = rtpOf(packet.subarray(linkHeader));
    if (frame !== undefined) frames.push({ at: time, ...frame });
  }
  return frames;
}

/** The RTP inside an IPv4/UDP packet, or undefined for anything else. */
function rtpOf(ip: Buffer): Omit<RtpFrame, 'at'> | undefined {
  if (ip.length < 20 || ip[0]! >> 4 !== 4 || ip[9] !== 17) return undefined;
  const udp = ip.subarray((ip[0]! & 0x0f) * 4);
  const rtp = udp.subarray(8);
  if (rtp.length < 12 || rtp[0]! >> 6 !== 2) return undefined;
  const csrcs = rtp[0]! & 0x0f;
  let header = 12 + csrcs * 4;
  if (rtp[0]! & 0x10) header += 4 + rtp.readUInt16BE(header + 2) * 4; // header extension
  const padding = rtp[0]! & 0x20 ? rtp[rtp.length - 1]! : 0;
  return {
    payloadType: rtp[1]! & 0x7f,
    timestamp: rtp.readUInt32BE(4),
    ssrc: rtp.readUInt32BE(8),
    payload: rtp.subarray(header, rtp.length - padding),
  };
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/** G.711 μ-law to linear 16-bit, all 256 codes. */
const ULAW = Int16Array.from({ length: 256 }, (_, code) => {
  const u = ~code & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = (((u & 0x0f) << 3) + 0x84) << exponent;
  return u & 0x80 ? 0x84 - magnitude : magnitude - 0x84;
});

/** A PCM WAV file: 8 kHz, mono, 16-bit. */
function wav(samples: Int16Array): Buffer {
  const data = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28); // bytes a second
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
