import { pcapToWav } from './pcap-to-wav';

/** A pcap as rtpengine writes it: raw IP link type, one IPv4/UDP/RTP packet a record. */
function pcapOf(packets: Array<{ payloadType: number; timestamp: number; ssrc?: number; payload: Buffer }>) {
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
