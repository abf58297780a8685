import { DEFAULT_IVR_FLOW } from '../default-ivr-flow';
import { IvrFlowDocument } from '../ivr-flow.schema';
import { runIvrFlow } from './run-ivr-flow';
import { ScriptedMedia, type CallerAction } from './testing/scripted-media';
import { StubIvrServices } from './testing/stub-ivr-services';

const caller = '13800138000';
// 10:00 China time on a Monday, a working day.
const open = () => new StubIvrServices(new Date('2026-12-07T02:00:00Z'), true);

async function call(script: CallerAction[], services = open(), bridgeEnds: 'caller' | 'callee' = 'callee') {
  const media = new ScriptedMedia(script, bridgeEnds);
  const report = await runIvrFlow({
    callId: 'call-1',
    callerNumber: caller,
    flow: DEFAULT_IVR_FLOW,
    media,
    services,
  });
  return { report, media, services };
}

describe('the IVR flow engine on the default flow', () => {
  it('records a complaint on 2-2, submits it on confirm and reads the case number back digit by digit', async () => {
    const { report, media, services } = await call(['2', '2', 'speech', '1']);
    expect(services.submitted).toEqual([
      {
        callId: 'call-1',
        purpose: 'complaint',
        recording: { id: 'recording-1', seconds: 12 },
        callerNumber: caller,
      },
    ]);
    expect(report).toMatchObject({ outcome: 'hung-up', caseNumber: '26000017', contactId: 'contact-call-1' });
    const afterConfirm = media.heard.slice(media.heard.lastIndexOf('record-confirm') + 1);
    expect(afterConfirm).toEqual([
      'your-case-number-is',
      ...[...'26000017'].map((d) => `digit-${d}`),
      'goodbye',
    ]);
    expect(report.path.map((s) => s.node)).toEqual([
      'check-blocklist',
      'welcome',
      'incident',
      'main-menu',
      'self-service',
      'complaint',
      'goodbye',
    ]);
  });

  it('replays the recording on 2 and cancels on 3 without submitting anything', async () => {
    const { report, media, services } = await call(['2', '2', 'speech', '2', '3', { hangUp: true }]);
    expect(media.heard).toContain('recording:recording-1');
    expect(media.heard).toContain('recording-cancelled');
    expect(services.submitted).toEqual([]);
    expect(report.outcome).toBe('caller-hung-up');
  });

  it('answers a status query: reads the number back, confirms, announces the status', async () => {
    const services = open();
    services.cases.set('26000017', 'in-progress');
    const { report, media } = await call(['2', '3', '26000017#', '1'], services);
    expect(media.heard).toEqual(
      expect.arrayContaining([
        'you-entered',
        'digit-2',
        'digit-6',
        'confirm-reenter',
        'case-status-in-progress',
      ]),
    );
    expect(report.variables).toEqual({ caseNumber: '26000017' });
  });

  it('lets the caller re-enter a number with 2 and says so when no case has it', async () => {
    const { media, report } = await call(['2', '3', '11111111#', '2', '22222222#', '1', { hangUp: true }]);
    expect(media.heard.filter((p) => p === 'enter-case-number')).toHaveLength(2);
    expect(media.heard).toContain('case-not-found');
    expect(report.path.map((s) => s.node)).toContain('case-status');
  });

  it('refuses too few digits with the invalid-choice prompt, never a crash', async () => {
    const { media } = await call(['2', '3', '123#', { hangUp: true }]);
    expect(media.heard).toContain('invalid-choice');
  });

  it('plays invalid-choice for a key outside the menu and takes the next one', async () => {
    const { media, report } = await call(['7', '2', { hangUp: true }]);
    expect(media.heard.slice(1, 4)).toEqual(['main-menu', 'invalid-choice', 'main-menu']);
    expect(report.path.find((s) => s.node === 'main-menu')?.digits).toBe('72');
  });

  it('takes a key pressed while the prompt still plays', async () => {
    const { report } = await call([{ bargeIn: '2' }, { bargeIn: '5' }, '1']);
    expect(report.surveyAnswers).toEqual({ 'city-services': 'satisfied' });
  });

  it('hangs up on a caller on the blocklist after telling them', async () => {
    const services = open();
    services.blocked.add(caller);
    const { report, media } = await call([], services);
    expect(media.heard).toEqual(['blocked']);
    expect(report).toMatchObject({
      outcome: 'blocked',
      path: [{ node: 'check-blocklist' }, { node: 'refuse' }],
    });
  });

  it('plays the live announcement before the menu', async () => {
    const services = open();
    services.announcement = '东湖区今晚停电抢修';
    const { media } = await call([{ hangUp: true }], services);
    expect(media.heard.slice(0, 2)).toEqual(['welcome', 'text:东湖区今晚停电抢修']);
  });

  it('off hours, offers a message instead of an agent and records it as voicemail', async () => {
    const services = new StubIvrServices(new Date('2026-12-07T12:00:00Z'), true); // 20:00 China time
    const { media } = await call(['1', '1', 'speech', '1'], services);
    expect(media.heard).toContain('off-hours-menu');
    expect(services.submitted[0]?.purpose).toBe('voicemail');
    expect(services.queued).toEqual([]);
  });

  it('treats a holiday as off hours even during office hours', async () => {
    const services = new StubIvrServices(new Date('2026-12-07T02:00:00Z'), false);
    const { media } = await call(['1', { hangUp: true }], services);
    expect(media.heard).toContain('off-hours-menu');
  });

  it('queues for an agent, announces position and the agent number, then asks the satisfaction question', async () => {
    const services = open();
    services.queueUpdates = [
      { kind: 'position', ahead: 3 },
      {
        kind: 'offered',
        agentId: 'agent-7',
        workNumber: '1024',
        target: { agentId: 'agent-7', uri: 'sip:a7@pbx' },
      },
    ];
    const { report, media } = await call(['1', '2'], services);
    expect(services.queued[0]).toMatchObject({ queueId: 'general', language: 'zh-CN', callerNumber: caller });
    expect(media.heard).toEqual(
      expect.arrayContaining([
        'queue-position',
        'digit-3',
        'agent-number',
        'digit-1',
        'digit-0',
        'agent-serves-you',
      ]),
    );
    expect(media.bridged).toEqual([{ agentId: 'agent-7', uri: 'sip:a7@pbx' }]);
    expect(services.answers).toEqual([
      { callId: 'call-1', question: 'call-satisfaction', answer: 'basically-satisfied', agentId: 'agent-7' },
    ]);
    expect(report.agentId).toBe('agent-7');
  });

  it('abandons the queue entry when the caller hangs up while waiting', async () => {
    const services = open();
    services.queueUpdates = [{ kind: 'position', ahead: 1 }];
    const { report } = await call(['1', { hangUp: true }], services);
    expect(report.outcome).toBe('caller-hung-up');
    expect(services.abandoned).toBe(1);
  });

  it('goes to the fail branch after three silent attempts', async () => {
    const silence = { silence: true } as const;
    const { report } = await call([silence, silence, silence]);
    expect(report.path.find((s) => s.node === 'main-menu')?.digits).toBe('---');
    expect(report.path.slice(-2).map((s) => s.node)).toEqual(['agent-hours', 'agent']);
  });

  it('switches the prompt language when a language node chooses English', async () => {
    const flow = IvrFlowDocument.parse({
      flowId: 'lang',
      name: 'language',
      start: 'choose',
      nodes: {
        choose: {
          kind: 'language',
          prompt: 'choose-language',
          options: { '1': 'zh-CN', '2': 'en' },
          next: 'bye',
        },
        bye: { kind: 'hangup', prompts: ['goodbye'] },
      },
    });
    const media = new ScriptedMedia(['2']);
    const languages: string[] = [];
    const play = media.play.bind(media);
    media.play = (items, options) => {
      languages.push(options.language);
      return play(items, options);
    };
    const report = await runIvrFlow({ callId: 'c', flow, media, services: open() });
    expect(report.language).toBe('en');
    expect(languages).toEqual(['zh-CN', 'en']);
  });

  it('ends a caller circling a menu forever after the step limit', async () => {
    const flow = IvrFlowDocument.parse({
      flowId: 'circle',
      name: 'circle',
      start: 'menu',
      nodes: {
        menu: { kind: 'menu', prompt: 'main-menu', options: { '9': 'menu', '0': 'bye' }, onFail: 'bye' },
        bye: { kind: 'hangup', prompts: [] },
      },
    });
    const media = new ScriptedMedia(Array.from({ length: 50 }, () => '9'));
    const report = await runIvrFlow({ callId: 'c', flow, media, services: open(), maxSteps: 10 });
    expect(report.path).toHaveLength(10);
    expect(media.hungUp).toBe(true);
  });
});
