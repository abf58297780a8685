import { DEFAULT_IVR_FLOW, IVR_PROMPT_TEXT } from '@hotline/contracts';
import type { SimulationSettings } from './simulated-platform';
import { startTestCall, type TestCallLine } from './test-call';

const words = (key: string) => IVR_PROMPT_TEXT[key]!['zh-CN'];
const settings: SimulationSettings = { workingHours: true, blocked: false };

function call(keys: string[], options = settings) {
  const lines: TestCallLine[] = [];
  const test = startTestCall(DEFAULT_IVR_FLOW, options, (line) => lines.push(line));
  for (const key of keys) test.media.press(key);
  const heard = () => lines.flatMap((line) => (line.kind === 'heard' ? [line.words] : []));
  return { test, lines, heard };
}

/** Lets the engine run until it waits for the caller. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('a test call in the browser', () => {
  it('takes 1 to the agent queue, which the simulated platform answers "queued"', async () => {
    const { test, lines, heard } = call(['1']);
    const report = await test.done;
    expect(report.outcome).toBe('queued');
    expect(report.path.map((step) => step.node)).toEqual([
      'check-blocklist',
      'welcome',
      'incident',
      'main-menu',
      'agent-hours',
      'agent',
    ]);
    expect(heard()).toEqual([
      words('welcome'),
      words('main-menu'),
      words('please-hold'),
      `${words('queue-position')}二${words('queue-position-end')}`,
    ]);
    expect(lines).toContainEqual({ kind: 'platform', step: { kind: 'queued', queueId: 'general' } });
  });

  it('asks for the case number after 2 then 3, and answers a sample status for it', async () => {
    const { test, heard } = call(['2', '3']);
    await settle();
    expect(heard().at(-1)).toBe(words('enter-case-number'));
    for (const key of '123456781') test.media.press(key);
    await settle();
    expect(heard()).toContain(`${words('you-entered')}一二三四五六七八`);
    expect(heard()).toContain(words('case-status-in-progress'));
    expect((await test.done).outcome).toBe('hung-up');
  });

  it('plays the live announcement, and sends callers outside the hours to the off-hours menu', async () => {
    const announcement = { 'zh-CN': '鼓楼区停电，正在抢修。' };
    const { test, heard } = call(['1'], { workingHours: false, blocked: false, announcement });
    await settle();
    expect(heard()).toEqual([
      words('welcome'),
      announcement['zh-CN'],
      words('main-menu'),
      words('off-hours-menu'),
    ]);
    test.media.hangUpCaller();
    const report = await test.done;
    expect(report.outcome).toBe('caller-hung-up');
    expect(report.path.at(-1)!.node).toBe('off-hours');
  });

  it('ends a wait without a key as its timeout would when the caller keeps silent', async () => {
    const { test, heard } = call([]);
    await settle();
    test.media.keepSilent();
    await settle();
    expect(heard()).toContain(words('no-input'));
    test.media.hangUpCaller();
    expect((await test.done).outcome).toBe('caller-hung-up');
  });
});
