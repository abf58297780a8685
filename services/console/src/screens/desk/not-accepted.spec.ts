import { emergencyServiceOf, joinReferral } from './not-accepted';

describe('not accepting a call', () => {
  it('refers the emergency reasons to their numbers and nothing else', () => {
    expect(emergencyServiceOf('emergency-119')).toBe('119');
    expect(emergencyServiceOf('emergency-122')).toBe('122');
    expect(emergencyServiceOf('in-legal-proceedings')).toBeUndefined();
  });

  it('puts the referral on its own line after the explanation', () => {
    expect(joinReferral(' 已进入诉讼程序 ', '请向受理案件的人民法院咨询')).toBe(
      '已进入诉讼程序\n转介：请向受理案件的人民法院咨询',
    );
    expect(joinReferral(undefined, '市信访局')).toBe('转介：市信访局');
  });

  it('sends no explanation when the agent wrote none, so the intake rules give the standard one', () => {
    expect(joinReferral('  ', ' ')).toBeUndefined();
    expect(joinReferral()).toBeUndefined();
  });
});
