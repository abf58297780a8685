/**
 * The states of the closed loop the demo city shows, each reached by the path of milestones a real
 * case takes to get there, and how many cases of each the city holds.
 */
export const DEMO_SCENARIOS = {
  registered: { count: 14, path: ['register'] },
  'answered-at-intake': { count: 30, path: ['answer'] },
  declined: { count: 8, path: ['register', 'decline'] },
  'declined-emergency': { count: 4, path: ['register', 'decline'] },
  dispatched: { count: 16, path: ['register', 'dispatch'] },
  returned: { count: 8, path: ['register', 'dispatch-wrong', 'return'] },
  redispatched: { count: 10, path: ['register', 'dispatch-wrong', 'return', 'redispatch', 'sign'] },
  'sub-dispatched': {
    count: 6,
    path: ['register', 'dispatch-district', 'sign-district', 'sub-dispatch', 'sign'],
  },
  'in-progress': { count: 22, path: ['register', 'dispatch', 'sign'] },
  'in-progress-yellow': { count: 8, path: ['register', 'dispatch', 'sign'] },
  'in-progress-red': { count: 10, path: ['register', 'dispatch', 'sign'] },
  'extension-requested': { count: 6, path: ['register', 'dispatch', 'sign', 'extension-request'] },
  'extension-approved': {
    count: 8,
    path: ['register', 'dispatch', 'sign', 'extension-request', 'extension-approve'],
  },
  'extension-rejected': {
    count: 6,
    path: ['register', 'dispatch', 'sign', 'extension-request', 'extension-reject'],
  },
  replied: { count: 14, path: ['register', 'dispatch', 'sign', 'reply'] },
  'sent-back': { count: 6, path: ['register', 'dispatch', 'sign', 'reply', 'send-back'] },
  completed: { count: 14, path: ['register', 'dispatch', 'sign', 'reply', 'accept'] },
  closed: {
    count: 80,
    path: ['register', 'dispatch', 'sign', 'reply', 'accept', 'callback-satisfied', 'close'],
  },
  'closed-without-callback': {
    count: 6,
    path: ['register', 'dispatch', 'sign', 'reply', 'accept', 'close-anonymous'],
  },
  'redo-closed': {
    count: 8,
    path: [
      'register',
      'dispatch',
      'sign',
      'reply',
      'accept',
      'callback-dissatisfied',
      'redo',
      'sign',
      'reply',
      'accept',
      'callback-satisfied',
      'close',
    ],
  },
  'redo-in-progress': {
    count: 4,
    path: ['register', 'dispatch', 'sign', 'reply', 'accept', 'callback-dissatisfied', 'redo', 'sign'],
  },
  merged: { count: 10, path: ['register', 'merge'] },
} as const satisfies Record<string, { count: number; path: readonly Milestone[] }>;

export type Milestone =
  | 'answer'
  | 'register'
  | 'decline'
  | 'dispatch'
  | 'dispatch-wrong'
  | 'dispatch-district'
  | 'sign-district'
  | 'sub-dispatch'
  | 'return'
  | 'redispatch'
  | 'sign'
  | 'extension-request'
  | 'extension-approve'
  | 'extension-reject'
  | 'reply'
  | 'send-back'
  | 'accept'
  | 'callback-satisfied'
  | 'callback-dissatisfied'
  | 'redo'
  | 'close'
  | 'close-anonymous'
  | 'merge';

export type DemoScenario = keyof typeof DEMO_SCENARIOS;

/** Hours from the previous milestone to this one: [shortest, longest]. */
export const MILESTONE_GAP_HOURS: Readonly<Record<Milestone, readonly [number, number]>> = {
  answer: [0.05, 0.2],
  register: [0.05, 0.2],
  decline: [0.05, 0.3],
  dispatch: [0.3, 3],
  'dispatch-wrong': [0.3, 3],
  'dispatch-district': [0.3, 3],
  'sign-district': [0.3, 4],
  'sub-dispatch': [0.5, 6],
  return: [1, 5],
  redispatch: [0.5, 3],
  sign: [0.3, 5],
  'extension-request': [1, 4],
  'extension-approve': [2, 8],
  'extension-reject': [2, 8],
  reply: [20, 120],
  'send-back': [3, 20],
  accept: [2, 20],
  'callback-satisfied': [16, 30],
  'callback-dissatisfied': [16, 30],
  redo: [1, 5],
  close: [0.1, 1],
  'close-anonymous': [2, 10],
  merge: [0.1, 0.5],
};
