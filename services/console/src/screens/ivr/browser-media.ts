import {
  CallerHungUp,
  IVR_PROMPT_TEXT,
  type BridgeTarget,
  type CollectOptions,
  type IvrMedia,
  type MediaItem,
  type PlayOptions,
  type RecordingRef,
} from '@hotline/contracts';

/** One line of the test call: what the caller heard (words), or what happened on the line. */
export type CallLine =
  | { kind: 'heard'; words: string }
  | { kind: 'pressed'; key: string }
  | { kind: 'recorded'; seconds: number }
  | { kind: 'bridged'; target: BridgeTarget }
  | { kind: 'ended' };

/** The seconds the simulated caller "speaks" into a recording. */
const RECORDED_SECONDS = 5;

/**
 * The media port of the test-call panel: nothing is played, the prompts' words are shown (the words
 * the sipapp's WAV files say), keys come from the on-screen keypad, silence from the 不按键 button or
 * the node's own timeout. Keys pressed ahead are kept, as a phone's are, and stop the next prompt
 * that may be interrupted.
 */
export class BrowserMedia implements IvrMedia {
  private readonly keys: string[] = [];
  private wake: (() => void) | undefined;
  private silent = false;
  private gone = false;
  private readonly hungUp: Promise<never>;
  private hangUpNow: () => void = () => undefined;

  constructor(private readonly line: (line: CallLine) => void) {
    this.hungUp = new Promise<never>((_, reject) => {
      this.hangUpNow = () => reject(new CallerHungUp());
    });
    // Nobody may be waiting on it when the caller hangs up: that is no error.
    this.hungUp.catch(() => undefined);
  }

  /** A key of the on-screen keypad. */
  press(key: string): void {
    if (this.gone) return;
    this.line({ kind: 'pressed', key });
    this.keys.push(key);
    this.wake?.();
  }

  /** The caller waits without pressing: the wait ends now as its timeout would. */
  keepSilent(): void {
    this.silent = true;
    this.wake?.();
  }

  /** The caller hangs up: every wait of the flow ends with CallerHungUp. */
  hangUpCaller(): void {
    if (this.gone) return;
    this.gone = true;
    this.hangUpNow();
    this.wake?.();
  }

  play(items: readonly MediaItem[], options: PlayOptions): Promise<string | undefined> {
    this.ensureOnLine();
    const words = items.flatMap((item) => wordsOf(item, options.language));
    if (words.length > 0)
      this.line({ kind: 'heard', words: words.join(options.language === 'en' ? ' ' : '') });
    return Promise.resolve(options.interruptible ? this.keys.shift() : undefined);
  }

  async collectDigits(options: CollectOptions): Promise<string> {
    let digits = '';
    const deadline = () => Date.now() + options.timeoutMs;
    let until = deadline();
    for (;;) {
      this.ensureOnLine();
      const key = this.keys.shift();
      if (key !== undefined) {
        digits += key;
        if (key === options.terminator || digits.length >= options.maxDigits) return digits;
        until = deadline();
        continue;
      }
      if (this.silent) {
        this.silent = false;
        return digits;
      }
      const waited = await this.waitForKey(until - Date.now());
      if (!waited) return digits;
    }
  }

  record(): Promise<RecordingRef> {
    this.ensureOnLine();
    this.line({ kind: 'recorded', seconds: RECORDED_SECONDS });
    return Promise.resolve({ id: 'test-call-recording', seconds: RECORDED_SECONDS });
  }

  bridge(target: BridgeTarget): Promise<'caller' | 'callee'> {
    this.ensureOnLine();
    this.line({ kind: 'bridged', target });
    return Promise.resolve('callee');
  }

  hangup(): Promise<void> {
    if (!this.gone) {
      this.gone = true;
      this.line({ kind: 'ended' });
    }
    return Promise.resolve();
  }

  untilHangup(): Promise<never> {
    return this.hungUp;
  }

  private ensureOnLine(): void {
    if (this.gone) throw new CallerHungUp();
  }

  /** True when a key, the silence button or a hang-up came before `ms` passed. */
  private waitForKey(ms: number): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve(false);
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve(true);
      };
    });
  }
}

/** The words of a prompt as the sipapp's recording says them; a spoken text as it is. */
function wordsOf(item: MediaItem, language: 'zh-CN' | 'en'): string[] {
  if ('text' in item) return [item.text];
  if ('recording' in item) return [];
  const words = IVR_PROMPT_TEXT[item.prompt]?.[language];
  return words === undefined || words === '' ? [] : [words];
}
