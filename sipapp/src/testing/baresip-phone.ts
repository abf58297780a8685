import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { freeUdpPort } from './free-udp-port';

/** A baresip event or command response from ctrl_tcp. */
type BaresipMessage = { event?: boolean; type?: string; response?: boolean; ok?: boolean; data?: string };

/**
 * A real phone for the scenarios with audio: baresip (Debian's) dials through the SIP side, plays a
 * WAV as its microphone (`aufile`), sends RFC 2833 keys and writes what it heard to a WAV (`sndfile`,
 * `dump-…-dec.wav`). It is driven over `ctrl_tcp` with netstring JSON. It hangs up by itself when its
 * microphone WAV ends: give it one longer than the scenario.
 */
export class BaresipPhone {
  private readonly events: BaresipMessage[] = [];
  private readonly waiters: Array<() => void> = [];
  private buffer = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly control: Socket,
    readonly dir: string,
  ) {
    control.on('data', (chunk) => this.onData(chunk.toString('utf8')));
  }

  static async start(options: { dir: string; number: string; microphone: string; address?: string }) {
    const address = options.address ?? '127.0.0.4';
    mkdirSync(options.dir, { recursive: true });
    const sipPort = await freeUdpPort(address);
    const controlPort = await freeUdpPort('127.0.0.1'); // a TCP port free too, in practice
    writeFileSync(
      join(options.dir, 'config'),
      [
        'poll_method epoll',
        `sip_listen ${address}:${sipPort}`,
        `net_interface ${address}`,
        'audio_player alsa,null',
        'audio_alert alsa,null',
        `audio_source aufile,${options.microphone}`,
        'module_path /usr/lib/baresip/modules',
        'module g711.so',
        'module aufile.so',
        'module alsa.so',
        'module sndfile.so',
        'module_tmp account.so',
        'module_app menu.so',
        'module_app ctrl_tcp.so',
        `ctrl_tcp_listen 127.0.0.1:${controlPort}`,
        `snd_path ${options.dir}`,
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(options.dir, 'accounts'),
      `<sip:${options.number}@${address}:${sipPort}>;regint=0;audio_codecs=PCMU\n`,
    );
    const child = spawn('baresip', ['-f', options.dir], { stdio: ['ignore', 'ignore', 'ignore'] });
    const control = await connectWhenListening(controlPort);
    return new BaresipPhone(child, control, options.dir);
  }

  /** Dials and waits until the call is established (or fails when it closes first). */
  async dial(uri: string): Promise<void> {
    this.send('dial', uri);
    const event = await this.next(['CALL_ESTABLISHED', 'CALL_CLOSED'], 15_000);
    if (event.type !== 'CALL_ESTABLISHED') throw new Error(`the call to ${uri} closed: ${event.data ?? ''}`);
  }

  /** Keys as RFC 2833 events, one after another. */
  async press(keys: string): Promise<void> {
    for (const key of keys) {
      this.send('sndcode', key);
      await pause(400);
    }
  }

  hangup(): void {
    this.send('hangup', '');
  }

  /** Resolves when the call has closed (either side hung up). */
  async closed(timeoutMs: number): Promise<void> {
    await this.next(['CALL_CLOSED'], timeoutMs);
  }

  /** The WAV of what the phone heard (sndfile's decoder dump). */
  heard(): string {
    const file = readdirSync(this.dir).find((name) => name.startsWith('dump') && name.endsWith('-dec.wav'));
    if (file === undefined) throw new Error(`baresip wrote no recording of what it heard in ${this.dir}`);
    return join(this.dir, file);
  }

  async stop(): Promise<void> {
    this.control.destroy();
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }

  private send(command: string, params: string): void {
    const json = JSON.stringify({ command, params, token: command });
    this.control.write(`${Buffer.byteLength(json)}:${json},`);
  }

  private onData(text: string): void {
    this.buffer += text;
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.slice(0, colon));
      if (this.buffer.length < colon + 1 + length + 1) return;
      const json = this.buffer.slice(colon + 1, colon + 1 + length);
      this.buffer = this.buffer.slice(colon + 1 + length + 1);
      const message = JSON.parse(json) as BaresipMessage;
      if (message.event) this.events.push(message);
      for (const wake of this.waiters.splice(0)) wake();
    }
  }

  private async next(types: string[], timeoutMs: number): Promise<BaresipMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.events.findIndex((event) => types.includes(event.type ?? ''));
      if (index >= 0) return this.events.splice(0, index + 1).pop()!;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`baresip sent none of ${types.join(', ')} in ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

async function connectWhenListening(port: number): Promise<Socket> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const socket = await new Promise<Socket | undefined>((resolve) => {
      const s = connect({ host: '127.0.0.1', port });
      s.once('connect', () => resolve(s));
      s.once('error', () => resolve(undefined));
    });
    if (socket) return socket;
    await pause(100);
  }
  throw new Error(`baresip's ctrl_tcp did not listen on ${port}`);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
