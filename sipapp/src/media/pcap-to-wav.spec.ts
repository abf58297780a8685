import { callPcapsToWav, pcapToWav } from './pcap-to-wav';

/** A pcap as rtpengine writes it: raw IP link type, one IPv4/UDP/RTP packet a record. */
function pcapOf(
  packets: Array<{ payloadType: number; timestamp: number; ssrc?: number; payload: Buffer; atMs?: number }>,
) {
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(65535, 16);
  header.writeUInt32LE(101, 20);
  const records = packets.map((p, i) => {
    const rtp = Buffer.alloc(12);
    rtp[0] = 0x80;
    rtp[1] = p.payloadType;
    rtp.writeUInt16BE(i, 2);
    rtp.writeUInt32BE(p.timestamp, 4);
    rtp.writeUInt32BE(p.ssrc ?? 7, 8);
    const udp = Buffer.alloc(8);
    const ip = Buffer.alloc(20);
    ip[0] = 0x45;
    ip[9] = 17;
    const packet = Buffer.concat([ip, udp, rtp, p.payload]);
    const record = Buffer.alloc(16);
    record.writeUInt32LE(1_000 + Math.floor((p.atMs ?? 0) / 1000), 0);
    record.writeUInt32LE(((p.atMs ?? 0) % 1000) * 1000, 4);
    record.writeUInt32LE(packet.length, 8);
    record.writeUInt32LE(packet.length, 12);
    return Buffer.concat([record, packet]);
  });
  return Buffer.concat([header, ...records]);
}

const samplesOf = (wav: Buffer) =>
  Array.from(new Int16Array(wav.buffer.slice(wav.byteOffset + 44, wav.byteOffset + wav.length)));

describe('pcapToWav', () => {
  it('writes a 16-bit 8 kHz mono WAV of the μ-law payloads in timestamp order', () => {
    const wav = pcapToWav(
      pcapOf([
        { payloadType: 0, timestamp: 1004, payload: Buffer.from([0x80, 0x80]) },
        { payloadType: 0, timestamp: 1000, payload: Buffer.from([0xff, 0x00, 0x7f, 0x80]) },
      ]),
    );
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(24)).toBe(8000);
    expect(wav.readUInt16LE(34)).toBe(16);
    expect(samplesOf(wav)).toEqual([0, -32124, 0, 32124, 32124, 32124]);
  });

  it('leaves silence where packets are missing and skips telephone-event packets', () => {
    const wav = pcapToWav(
      pcapOf([
        { payloadType: 0, timestamp: 0, payload: Buffer.from([0x80]) },
        { payloadType: 101, timestamp: 1, payload: Buffer.from([1, 10, 0, 160]) },
        { payloadType: 0, timestamp: 3, payload: Buffer.from([0x80]) },
      ]),
    );
    expect(samplesOf(wav)).toEqual([32124, 0, 0, 32124]);
  });

  it('keeps the stream with most packets when another SSRC is in the file', () => {
    const wav = pcapToWav(
      pcapOf([
        { payloadType: 0, timestamp: 0, ssrc: 1, payload: Buffer.from([0x80, 0x80]) },
        { payloadType: 0, timestamp: 2, ssrc: 1, payload: Buffer.from([0x80]) },
        { payloadType: 0, timestamp: 9, ssrc: 2, payload: Buffer.from([0x00]) },
      ]),
    );
    expect(samplesOf(wav)).toEqual([32124, 32124, 32124]);
  });

  it('refuses a file that is not a pcap', () => {
    expect(() => pcapToWav(Buffer.from('RIFF0000WAVEfmt 0000000000000000'))).toThrow(/not a pcap file/);
  });
});

describe('callPcapsToWav', () => {
  // μ-law 0x9f is about +3,000 and 0xaf about +1,000 (linear): each stream's level tells them apart.
  const loud = Buffer.alloc(160, 0x9f);
  const soft = Buffer.alloc(160, 0xaf);

  it('mixes every stream of every file, each placed where it was captured', () => {
    // The caller from 0 ms (first file: the IVR part), the agent from 40 ms on its own RTP clock (second file).
    const ivr = pcapOf([
      { payloadType: 0, timestamp: 5_000, ssrc: 1, payload: loud, atMs: 0 },
      { payloadType: 0, timestamp: 5_160, ssrc: 1, payload: loud, atMs: 20 },
    ]);
    const bridged = pcapOf([
      { payloadType: 0, timestamp: 5_320, ssrc: 1, payload: loud, atMs: 40 },
      { payloadType: 0, timestamp: 900_000, ssrc: 2, payload: soft, atMs: 40 },
      { payloadType: 101, timestamp: 900_160, ssrc: 2, payload: Buffer.from([1, 0, 0, 0]), atMs: 60 },
    ]);
    const samples = samplesOf(callPcapsToWav([ivr, bridged]));
    expect(samples).toHaveLength(480);
    const caller = samples[10]!;
    expect(caller).toBeGreaterThan(2_000);
    // From 40 ms (sample 320) both sides are heard: the sum of the two levels.
    expect(samples[330]).toBeGreaterThan(caller + 500);
  });

  it('writes a stream captured twice (into and out of rtpengine) once', () => {
    const twice = pcapOf([
      { payloadType: 0, timestamp: 10, ssrc: 3, payload: loud, atMs: 0 },
      { payloadType: 0, timestamp: 10, ssrc: 3, payload: loud, atMs: 1 },
    ]);
    const once = pcapOf([{ payloadType: 0, timestamp: 10, ssrc: 3, payload: loud, atMs: 0 }]);
    expect(samplesOf(callPcapsToWav([twice]))).toEqual(samplesOf(callPcapsToWav([once])));
  });

  it('is an empty WAV for a call with no audio', () => {
    expect(callPcapsToWav([pcapOf([])])).toHaveLength(44);
  });
});
