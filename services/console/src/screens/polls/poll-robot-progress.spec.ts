import { interviewerTotals } from './poll-robot-progress';

const quota = { district: 'gulou', frame: 'hotline' as const, target: 5, available: 9, drawn: 5, taken: 5 };

describe('the interviewers’ figures beside the robot’s', () => {
  it('takes the robot’s answered, unreachable and refused out of the quotas’ totals', () => {
    const quotas = [
      { ...quota, completed: 3, notReached: 1, refused: 1 },
      { ...quota, district: 'taijiang', completed: 2, notReached: 2, refused: 0 },
    ];
    const ivrProgress = { calls: 6, inFlight: 1, answered: 2, unreachable: 2, refused: 1 };
    expect(interviewerTotals({ quotas, ivrProgress })).toEqual({ completed: 3, notReached: 1, refused: 0 });
  });

  it('gives the quotas’ totals when the robot never ran', () => {
    const quotas = [{ ...quota, completed: 3, notReached: 1, refused: 1 }];
    expect(interviewerTotals({ quotas })).toEqual({ completed: 3, notReached: 1, refused: 1 });
  });
});
