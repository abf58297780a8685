import { DEFAULT_IVR_FLOW_INPUT } from './default-ivr-flow';
import { validateIvrFlow } from './ivr-flow.validate';

const clone = (): { start: string; nodes: Record<string, unknown> } =>
  structuredClone(DEFAULT_IVR_FLOW_INPUT);

const problemsOf = (input: unknown) => {
  const result = validateIvrFlow(input);
  if (result.ok) throw new Error('expected the flow to be refused');
  return result.problems;
};

describe('IVR flow validation', () => {
  it('accepts the shipped default flow', () => {
    expect(validateIvrFlow(DEFAULT_IVR_FLOW_INPUT)).toMatchObject({ ok: true });
  });

  it('refuses a node nothing leads to, naming it', () => {
    const flow = clone();
    flow.nodes['orphan'] = { kind: 'hangup', prompts: ['goodbye'] };
    expect(problemsOf(flow)).toEqual([
      { node: 'orphan', reason: 'unreachable', message: 'node orphan: unreachable from check-blocklist' },
    ]);
  });

  it('refuses a way out that names no node as a dead end', () => {
    const flow = clone();
    (flow.nodes['main-menu'] as { options: Record<string, string> }).options['9'] = 'repeat-menu';
    expect(problemsOf(flow)).toEqual([
      {
        node: 'main-menu',
        reason: 'dead-end',
        message: 'node main-menu: dead end, "9" goes to repeat-menu, which is not a node of the flow',
      },
    ]);
  });

  it('refuses a loop that never reaches a hang-up, queue or transfer', () => {
    const flow = clone();
    flow.nodes['main-menu'] = {
      kind: 'menu',
      prompt: 'main-menu',
      options: { '1': 'agent-hours', '2': 'self-service', '3': 'loop-a' },
      onFail: 'agent-hours',
    };
    flow.nodes['loop-a'] = { kind: 'play', prompts: ['welcome'], next: 'loop-b' };
    flow.nodes['loop-b'] = { kind: 'play', prompts: ['welcome'], next: 'loop-a' };
    const problems = problemsOf(flow);
    expect(problems.map((p) => [p.node, p.reason])).toEqual([
      ['loop-a', 'loop-without-exit'],
      ['loop-b', 'loop-without-exit'],
    ]);
    expect(problems[0]!.message).toContain('loop-b');
  });

  it('accepts a loop that has an exit (9 repeats the menu, 1 reaches an agent)', () => {
    const flow = clone();
    (flow.nodes['main-menu'] as { options: Record<string, string> }).options['9'] = 'main-menu';
    expect(validateIvrFlow(flow).ok).toBe(true);
  });

  it('refuses an unknown start', () => {
    expect(problemsOf({ ...clone(), start: 'nowhere' })).toEqual([
      { node: 'nowhere', reason: 'unknown-start', message: 'start: no node nowhere' },
    ]);
  });

  it('names the node and field of a document the schema refuses', () => {
    const flow = clone();
    flow.nodes['enter-case-number'] = {
      ...(flow.nodes['enter-case-number'] as object),
      minDigits: 9,
    };
    flow.nodes['main-menu'] = { kind: 'menu', prompt: 'main-menu', options: { x: 'agent' }, onFail: 'agent' };
    const problems = problemsOf(flow);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ node: 'enter-case-number', reason: 'invalid-document' }),
        expect.objectContaining({ node: 'main-menu', reason: 'invalid-document' }),
      ]),
    );
    expect(problems.find((p) => p.node === 'enter-case-number')!.message).toMatch(
      /^nodes\.enter-case-number\.minDigits: minDigits must not exceed maxDigits/,
    );
  });
});
