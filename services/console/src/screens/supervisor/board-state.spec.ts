import { applyBoardMessage, secondsSince, shownBoard } from './board-state';
import type { BoardAgent, BoardQueue, QueueBoard } from './supervisor-api';

const queue = (queueId: string, waiting: number, longestWaitSeconds: number): BoardQueue => ({
  queueId,
  name: queueId,
  waiting,
  loggedIn: 1,
  longestWaitSeconds,
  serviceLevelToday: null,
  serviceLevelLast30Minutes: null,
  answeredToday: 0,
  abandonedToday: 0,
  alarmWaitSeconds: null,
});
const agent = (agentId: string, state: BoardAgent['state'], secondsInState: number): BoardAgent => ({
  agentId,
  state,
  reason: null,
  secondsInState,
  contacts: [],
});
const board: QueueBoard = {
  queues: [queue('general', 2, 30), queue('chat', 0, 0)],
  agents: [agent('user:a', 'ready', 5), agent('user:b', 'on-contact', 60)],
  bulletins: [],
  names: { 'user:a': '张三' },
};
const T = 1_000_000;

describe('the wallboard as the screen holds it', () => {
  it('counts the seconds on from when the board was read, by this browser’s clock', () => {
    const shown = shownBoard(board, T, 400);
    expect(secondsSince(shown.queues[0]!.waitingSince!, T + 10_000)).toBe(40);
    expect(shown.queues[1]!.waitingSince).toBeNull();
    expect(secondsSince(shown.agents[0]!.inStateSince, T + 10_000)).toBe(15);
    expect(shown.confirmedAt).toBe(T - 400);
  });

  it('replaces changed rows in place, adds new ones last, drops removed ones and keeps the names', () => {
    const shown = shownBoard(board, T);
    const next = applyBoardMessage(
      shown,
      {
        kind: 'delta',
        ageMs: 100,
        delta: {
          queues: [queue('general', 3, 31)],
          agents: [agent('user:c', 'ready', 0), agent('user:a', 'not-ready', 0)],
          removedQueueIds: ['chat'],
          removedAgentIds: ['user:b'],
          names: { 'user:c': '王五' },
        },
      },
      T + 1_000,
    );
    expect(next?.queues.map((q) => [q.queueId, q.waiting])).toEqual([['general', 3]]);
    expect(next?.agents.map((a) => [a.agentId, a.state])).toEqual([
      ['user:a', 'not-ready'],
      ['user:c', 'ready'],
    ]);
    expect(next?.names).toEqual({ 'user:a': '张三', 'user:c': '王五' });
    expect(next?.confirmedAt).toBe(T + 900);
  });

  it('moves the freshness on a confirmation, never back, and drops changes before the first board', () => {
    const shown = shownBoard(board, T);
    expect(applyBoardMessage(shown, { kind: 'fresh', ageMs: 200 }, T + 5_000)?.confirmedAt).toBe(T + 4_800);
    expect(applyBoardMessage(shown, { kind: 'fresh', ageMs: 9_000 }, T + 5_000)?.confirmedAt).toBe(T);
    expect(applyBoardMessage(undefined, { kind: 'fresh', ageMs: 0 }, T)).toBeUndefined();
    expect(
      applyBoardMessage(undefined, { kind: 'snapshot', ageMs: 0, board }, T)?.queues.map((q) => q.queueId),
    ).toEqual(['general', 'chat']);
  });
});
