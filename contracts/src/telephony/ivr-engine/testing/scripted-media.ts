import {
  CallerHungUp,
  type BridgeTarget,
  type CollectOptions,
  type IvrMedia,
  type MediaItem,
  type PlayOptions,
  type RecordingRef,
} from '../ivr-ports';

/**
 * What the scripted caller does at each wait, in order: keys (a string such as '2' or '12345678#'),
 * silence (a timeout), a key pressed while the prompt still plays, or hanging up.
 */
export type CallerAction = string | { silence: true } | { bargeIn: string } | { hangUp: true };

/**
 * A test double of the media port (no audio): the caller follows a script, and the port keeps what the
 * caller heard, so a test asserts on the prompts as a caller would. Used by the engine's unit tests and
 * the flow-engine benchmark.
 */
export class ScriptedMedia implements IvrMedia {
  readonly heard: string[] = [];
  readonly bridged: BridgeTarget[] = [];
  hungUp = false;
  private recordings = 0;

  constructor(
    private readonly script: CallerAction[],
    private readonly bridgeEnds: 'caller' | 'callee' = 'callee',
  ) {}

  play(items: readonly MediaItem[], options: PlayOptions): Promise<string | undefined> {
    for (const item of items) {
      this.heard.push(
        'prompt' in item
          ? item.prompt
          : 'text' in item
            ? `text:${item.text}`
            : `recording:${item.recording.id}`,
      );
    }
    // The caller acts during a prompt only when the prompt may be interrupted; otherwise at the next wait.
    const next = this.script[0];
    if (!options.interruptible || next === undefined || typeof next !== 'object')
      return Promise.resolve(undefined);
    if ('hangUp' in next) return this.hangUpNow();
    if ('bargeIn' in next) {
      this.script.shift();
      return Promise.resolve(next.bargeIn);
    }
    return Promise.resolve(undefined);
  }

  collectDigits(options: CollectOptions): Promise<string> {
    const next = this.script.shift();
    if (next === undefined || (typeof next === 'object' && 'hangUp' in next)) return this.hangUpNow();
    if (typeof next === 'object') return Promise.resolve('bargeIn' in next ? next.bargeIn : '');
    const end = options.terminator ? next.indexOf(options.terminator) : -1;
    const keys = end >= 0 ? next.slice(0, end) : next;
    return Promise.resolve(keys.slice(0, options.maxDigits));
  }

  record(): Promise<RecordingRef> {
    const next = this.script.shift();
    if (next !== undefined && typeof next === 'object' && 'hangUp' in next) return this.hangUpNow();
    this.recordings += 1;
    return Promise.resolve({ id: `recording-${this.recordings}`, seconds: 12 });
  }

  bridge(target: BridgeTarget): Promise<'caller' | 'callee'> {
    this.bridged.push(target);
    return Promise.resolve(this.bridgeEnds);
  }

  hangup(): Promise<void> {
    this.hungUp = true;
    return Promise.resolve();
  }

  untilHangup(): Promise<never> {
    const next = this.script[0];
    if (next !== undefined && typeof next === 'object' && 'hangUp' in next) return this.hangUpNow();
    return new Promise<never>(() => undefined);
  }

  private hangUpNow(): Promise<never> {
    this.script.shift();
    this.hungUp = true;
    return Promise.reject(new CallerHungUp());
  }
}
