import type { PollRound } from './polls-api';

/**
 * What the interviewers did: the quota totals less what the robot's calls gave (the quotas count
 * every interview, the robot's too).
 */
export function interviewerTotals(round: Pick<PollRound, 'quotas' | 'ivrProgress'>) {
  const sum = (key: 'taken' | 'completed' | 'notReached' | 'refused') =>
    round.quotas.reduce((total, quota) => total + (quota[key] ?? 0), 0);
  const robot = round.ivrProgress;
  return {
    completed: sum('completed') - (robot?.answered ?? 0),
    notReached: sum('notReached') - (robot?.unreachable ?? 0),
    refused: sum('refused') - (robot?.refused ?? 0),
  };
}
