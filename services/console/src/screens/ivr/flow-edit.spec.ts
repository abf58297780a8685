import { DEFAULT_IVR_FLOW, IvrFlowDocument, type IvrNode, type IvrNodeKind } from '@hotline/contracts';
import { addNode, fallbackTarget, newNode, problemsByNode, removeNode, withField } from './flow-edit';

const draft = DEFAULT_IVR_FLOW;
const reasons = (d: typeof draft) =>
  Object.fromEntries([...problemsByNode(d)].map(([id, problems]) => [id, problems.map((p) => p.reason)]));

describe('editing a flow', () => {
  it('finds nothing to refuse in the shipped flow', () => {
    expect(problemsByNode(draft).size).toBe(0);
  });

  it('calls a new node unreachable until a way out leads to it', () => {
    const added = addNode(draft, 'play', fallbackTarget(draft));
    expect(added.id).toBe('play-1');
    expect(reasons(added.draft)).toEqual({ 'play-1': ['unreachable'] });
    const knowledge = draft.nodes.knowledge as Extract<IvrNode, { kind: 'menu' }>;
    const linked = withField(added.draft, 'knowledge', 'options', { ...knowledge.options, '4': 'play-1' });
    expect(problemsByNode(linked).size).toBe(0);
  });

  it('names the node whose way out leads to a removed node, and never removes the start', () => {
    const removed = removeNode(draft, 'poll');
    expect(reasons(removed)).toEqual({ 'self-service': ['dead-end'] });
    expect(removeNode(draft, draft.start)).toBe(draft);
  });

  it('names a node cut off from the start as unreachable, and a loop with no way out', () => {
    // The welcome goes straight to the menu: the announcement node is left behind.
    const skipped = withField(draft, 'welcome', 'next', 'main-menu');
    expect(reasons(skipped)).toEqual({ incident: ['unreachable'] });
    const circle = withField(
      withField(draft, 'knowledge-household', 'next', 'knowledge'),
      'knowledge',
      'onFail',
      'knowledge',
    );
    const looped = withField(circle, 'knowledge', 'options', { '3': 'knowledge-household' });
    const loopReasons = reasons(looped);
    expect(loopReasons.knowledge).toEqual(['loop-without-exit']);
    expect(loopReasons['knowledge-household']).toEqual(['loop-without-exit']);
  });

  it('unsets an optional way out (no satisfaction question after the agent)', () => {
    const edited = withField(draft, 'agent', 'afterCall', undefined);
    expect('afterCall' in edited.nodes.agent!).toBe(false);
    expect(reasons(edited)).toEqual({
      satisfaction: ['unreachable'],
    });
  });

  it('makes a node of every kind that the schema accepts', () => {
    const kinds: IvrNodeKind[] = [
      'play',
      'menu',
      'collect',
      'record',
      'case-status',
      'enqueue',
      'transfer',
      'callback-offer',
      'survey',
      'business-hours',
      'blocklist',
      'announcement',
      'language',
      'hangup',
    ];
    for (const kind of kinds) {
      const flow = { ...draft, nodes: { ...draft.nodes, extra: newNode(kind, 'goodbye') } };
      expect(IvrFlowDocument.safeParse(flow).success).toBe(true);
    }
  });
});
