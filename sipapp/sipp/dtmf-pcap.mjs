#!/usr/bin/env node
// Writes a pcap of one RTP stream that presses keys as RFC 2833 telephone-events, for sipp's
// play_pcap_audio (keys.xml): μ-law silence, then per key 100 ms of events (payload type 101, marker
// on the first, duration growing) and three end packets, then 300 ms of silence. Each key has its own
// RTP timestamp, so the media engine sees as many events as keys. sipp replaces the addresses and
// ports and paces the packets by their pcap times.
//
//   node dtmf-pcap.mjs <keys: 0-9 * #> <file.pcap>
import { writeFileSync } from 'node:fs';

const [keys, file] = process.argv.slice(2);
if (!keys || !/^[0-9*#]{1,20}$/.test(keys) || !file) {
  console.error('usage: dtmf-pcap.mjs <keys: 1 to 20 of 0-9, * and #> <file.pcap>');
  process.exit(2);
}

const SSRC = 0x12345 + Math.floor(Math.random() * 0xffff);
const records = [];
let seq = 1000;
let timestamp = 8000; // RTP clock, 8 kHz
let clockMs = 0; // the packet's time in the capture

function rtp(payloadType, marker, ts, payload) {
  const header = Buffer.alloc(12);
  header[0] = 0x80;
  header[1] = (marker ? 0x80 : 0) | payloadType;
  header.writeUInt16BE(seq++ & 0xffff, 2);
  header.writeUInt32BE(ts >>> 0, 4);
  header.writeUInt32BE(SSRC, 8);
  records.push({ ms: clockMs, data: Buffer.concat([header, payload]) });
  clockMs += 20;
}

function silence(ms) {
  for (let t = 0; t < ms; t += 20) {
    rtp(0, false, timestamp, Buffer.alloc(160, 0xff));
    timestamp += 160;
  }
}

function key(digit) {
  const event = '0123456789*#'.indexOf(digit);
  const start = timestamp;
  for (let i = 1; i <= 5; i++)
    rtp(101, i === 1, start, Buffer.from([event, 10, (i * 160) >> 8, (i * 160) & 0xff]));
  for (let i = 0; i < 3; i++) rtp(101, false, start, Buffer.from([event, 0x80 | 10, 0x03, 0x20]));
  timestamp += 8 * 160;
}

silence(200);
for (const digit of keys) {
  key(digit);
  silence(300);
}

// pcap: Ethernet + IPv4 + UDP around each RTP packet (sipp reads the UDP payload).
const global = Buffer.alloc(24);
global.writeUInt32LE(0xa1b2c3d4, 0);
global.writeUInt16LE(2, 4);
global.writeUInt16LE(4, 6);
global.writeUInt32LE(65535, 16);
global.writeUInt32LE(1, 20); // LINKTYPE_ETHERNET
const frames = records.map(({ ms, data }) => {
  const udp = Buffer.alloc(8);
  udp.writeUInt16BE(6000, 0);
  udp.writeUInt16BE(6000, 2);
  udp.writeUInt16BE(8 + data.length, 4);
  const ip = Buffer.alloc(20);
  ip[0] = 0x45;
  ip.writeUInt16BE(20 + 8 + data.length, 2);
  ip[8] = 64;
  ip[9] = 17; // UDP
  ip.writeUInt32BE(0x7f000001, 12);
  ip.writeUInt32BE(0x7f000001, 16);
  let sum = 0;
  for (let i = 0; i < 20; i += 2) sum += ip.readUInt16BE(i);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  ip.writeUInt16BE(~sum & 0xffff, 10);
  const ethernet = Buffer.alloc(14);
  ethernet.writeUInt16BE(0x0800, 12);
  const frame = Buffer.concat([ethernet, ip, udp, data]);
  const header = Buffer.alloc(16);
  header.writeUInt32LE(Math.floor(ms / 1000), 0);
  header.writeUInt32LE((ms % 1000) * 1000, 4);
  header.writeUInt32LE(frame.length, 8);
  header.writeUInt32LE(frame.length, 12);
  return Buffer.concat([header, frame]);
});
writeFileSync(file, Buffer.concat([global, ...frames]));
