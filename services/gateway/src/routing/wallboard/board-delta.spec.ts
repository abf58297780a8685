import { boardDelta, mergeDeltas, type LiveBoard } from './board-delta';

const board = (overrides: Partial<LiveBoard> = {}): LiveBoard => ({
  at: '2026-12-07T08:00:00.000Z',
  queues: [
    { queueId: 'general', waiting: 2, longestWaitSeconds: 30, oldestQueuedAt: '2026-12-07T07:59:30.000Z' },
    { queueId: 'chat', waiting: 0, longestWaitSeconds: 0, oldestQueuedAt: null },
  ],
  agents: [
    { agentId: 'user:a', state: 'ready', secondsInState: 5, since: '2026-12-07T07:59:55.000Z', contacts: [] },
    {
      agentId: 'user:b',
      state: 'not-ready',
      secondsInState: 9,
      since: '2026-12-07T07:59:51.000Z',
      contacts: [],
    },
  ],
  bulletins: [],
  names: { 'user:a': '张三', 'user:b': '李四', 'user:boss': '王班长' },
  ...overrides,
});

describe('boardDelta', () => {
  it('answers nothing when only the seconds counted on with the clock differ', () => {
    const later = board({
      at: '2026-12-07T08:00:07.000Z',
      queues: board().queues.map((q) => ({ ...q, longestWaitSeconds: Number(q.longestWaitSeconds) + 7 })),
      agents: board().agents.map((a) => ({ ...a, secondsInState: Number(a.secondsInState) + 7 })),
    });
    expect(boardDelta(board(), later)).toBeUndefined();
  });

  it('sends the changed rows whole, with the names of the agents they name', () => {
    const before = board();
    const after = board({
      queues: [{ ...before.queues[0], waiting: 3 }, before.queues[1]!],
      agents: [
        before.agents[0]!,
        {
          ...before.agents[1],
          state: 'on-contact',
          contacts: [{ contactId: 'c1', supervisor: { supervisorId: 'user:boss', mode: 'monitor' } }],
        },
      ],
    });
    expect(boardDelta(before, after)).toEqual({
      queues: [after.queues[0]],
      agents: [after.agents[1]],
      removedQueueIds: [],
      removedAgentIds: [],
      names: { 'user:b': '李四', 'user:boss': '王班长' },
    });
  });

  it('names removed rows and sends the bulletins when they changed', () => {
    const bulletins = [
      { bulletinId: 'b1', text: '停电', severity: 'urgent', postedAt: '2026-12-07T07:00:00Z' },
    ];
    const after = board({ queues: [board().queues[0]!], agents: [board().agents[0]!], bulletins });
    expect(boardDelta(board(), after)).toEqual({
      queues: [],
      agents: [],
      removedQueueIds: ['chat'],
      removedAgentIds: ['user:b'],
      bulletins,
      names: {},
    });
  });

  it('sees an agent that changed state and came back between two reads by when it changed', () => {
    const after = board({
      agents: [
        { ...board().agents[0], since: '2026-12-07T08:00:01.000Z', secondsInState: 0 },
        board().agents[1]!,
      ],
    });
    expect(boardDelta(board(), after)?.agents).toEqual([after.agents[0]]);
  });

  it('merges deltas in turn: the latest row, a row removed then back, the latest bulletins', () => {
    const merged = mergeDeltas([
      {
        queues: [{ queueId: 'general', waiting: 3 }],
        agents: [],
        removedQueueIds: ['chat'],
        removedAgentIds: [],
        names: {},
      },
      {
        queues: [
          { queueId: 'general', waiting: 4 },
          { queueId: 'chat', waiting: 1 },
        ],
        agents: [{ agentId: 'user:a', state: 'ready' }],
        removedQueueIds: [],
        removedAgentIds: ['user:b'],
        bulletins: ['b1'],
        names: { 'user:a': '张三' },
      },
      { queues: [], agents: [], removedQueueIds: [], removedAgentIds: [], bulletins: [], names: {} },
    ]);
    // The second delta's rows (chat is back), the third's empty bulletins.
    expect(merged.queues.map((q) => [q.queueId, q.waiting])).toEqual([
      ['general', 4],
      ['chat', 1],
    ]);
    expect(merged.removedQueueIds).toEqual([]);
    expect([merged.agents.length, merged.removedAgentIds, merged.bulletins]).toEqual([1, ['user:b'], []]);
    expect(merged.names).toEqual({ 'user:a': '张三' });
  });
});
