// rtpengine for the telephony tests (sipapp): one daemon per Jest run, started by global-setup.js
// only when the run may include a sipapp telephony test, on ports of its own so that concurrent runs
// on one machine never share it. Userspace forwarding (no kernel module), recordings as pcap.
const { spawn } = require('node:child_process');
const dgram = require('node:dgram');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// Files the run's path patterns must be able to select for rtpengine to start (no pattern: the whole tier).
const TELEPHONY_TESTS = [
  'sipapp/src/media/rtpengine-media.int-spec.ts',
  'sipapp/src/sip/incoming-calls.int-spec.ts',
  'sipapp/src/outbound/outbound-dialer.int-spec.ts',
  'e2e/src/survey-ivr-call.e2e-spec.ts',
  'e2e/src/survey-ivr-poll.e2e-spec.ts',
  'e2e/src/sip-calls.e2e-spec.ts',
  'e2e/src/agent-bridge.e2e-spec.ts',
  'e2e/src/agent-transfer.e2e-spec.ts',
];
const mayRunTelephony = (globalConfig) =>
  globalConfig.testPathPatterns.patterns.length === 0 ||
  globalConfig.testPathPatterns.patterns.some((p) =>
    TELEPHONY_TESTS.some((test) => new RegExp(p).test(test) || test.startsWith(p)),
  );

/** A free UDP port on 127.0.0.1 (bound and released; the daemon takes it a moment later). */
function freeUdpPort() {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

/** Resolves once the daemon answers an ng `ping` (bencoded) on its control port. */
async function waitForPing(port, child, deadline) {
  const socket = dgram.createSocket('udp4');
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`rtpengine exited with ${child.exitCode}`);
      const answered = await new Promise((resolve) => {
        const timer = setTimeout(() => resolve(false), 200);
        socket.once('message', () => {
          clearTimeout(timer);
          resolve(true);
        });
        socket.send(Buffer.from('ready d7:command4:pinge'), port, '127.0.0.1');
      });
      if (answered) return;
    }
    throw new Error('rtpengine did not answer ping in time');
  } finally {
    socket.close();
  }
}

/** Starts rtpengine; sets RTPENGINE_NG, RTPENGINE_DTMF_PORT, RTPENGINE_RECORDINGS, RTPENGINE_PID. */
async function startRtpengine(log) {
  const binary = '/usr/bin/rtpengine';
  if (!fs.existsSync(binary)) {
    log('rtpengine  missing    (apt-get install rtpengine-daemon): telephony tests skip');
    return;
  }
  const ng = await freeUdpPort();
  const dtmf = await freeUdpPort();
  const recordings = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-rtpengine-'));
  // An RTP port range of its own per run, away from other runs' ranges.
  const base = 30000 + (process.pid % 300) * 100;
  const child = spawn(
    binary,
    [
      '--config-file=none',
      '--foreground',
      '--log-stderr',
      '--log-level=4',
      '--table=-1',
      '--interface=127.0.0.1',
      `--listen-ng=127.0.0.1:${ng}`,
      `--port-min=${base}`,
      `--port-max=${base + 99}`,
      `--dtmf-log-dest=127.0.0.1:${dtmf}`,
      `--recording-dir=${recordings}`,
      '--recording-method=pcap',
      '--num-threads=2',
      '--delete-delay=0',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: false },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  try {
    await waitForPing(ng, child, Date.now() + 10_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n${stderr}`);
  }
  child.unref();
  child.stderr.unref?.();
  process.env.RTPENGINE_NG = `127.0.0.1:${ng}`;
  process.env.RTPENGINE_DTMF_PORT = String(dtmf);
  process.env.RTPENGINE_RECORDINGS = recordings;
  process.env.RTPENGINE_PID = String(child.pid);
  log(`rtpengine started  ng 127.0.0.1:${ng}, dtmf log → ${dtmf}, rtp ${base}-${base + 99}`);
}

/** Stops the daemon this run started (by its pid) and removes its recordings. */
function stopRtpengine(log) {
  const pid = Number(process.env.RTPENGINE_PID);
  if (!pid) return;
  try {
    process.kill(pid, 'SIGTERM');
    log(`rtpengine stopped  pid ${pid}`);
  } catch {
    // already gone
  }
  if (process.env.RTPENGINE_RECORDINGS)
    fs.rmSync(process.env.RTPENGINE_RECORDINGS, { recursive: true, force: true });
}

module.exports = { mayRunTelephony, startRtpengine, stopRtpengine };
