import { EffectiveCategories } from './effective-categories';
import { LabelledHistory } from './labelled-history';

describe('EffectiveCategories', () => {
  it('takes a category retired itself or under a retired one out, and puts it back when reactivated', () => {
    const categories = new EffectiveCategories();
    expect(categories.isActive('030101')).toBe(true);
    categories.apply({ type: 'CategoryRetired', data: { code: '030100' } });
    categories.apply({ type: 'CategoryRetired', data: { code: '030100' } });
    expect(categories.isActive('030101')).toBe(false);
    expect(categories.isActive('030201')).toBe(true);
    categories.apply({ type: 'CategoryReactivated', data: { code: '030100' } });
    expect(categories.isActive('030101')).toBe(true);
  });
});

describe('LabelledHistory', () => {
  const registered = (caseId: string, time: string) => ({
    type: 'CaseRegistered',
    time,
    data: { caseId, content: `路灯坏了 ${caseId}`, type: 'complaint', categoryCode: '010102' },
  });

  it('keeps the newest cases with the type and category registered and the unit that replied', () => {
    const history = new LabelledHistory(2);
    history.apply(registered('c1', '2026-01-01T00:00:00.000Z'));
    history.apply(registered('c2', '2026-02-01T00:00:00.000Z'));
    history.apply({
      type: 'CaseReplied',
      time: '2026-02-03T00:00:00.000Z',
      data: { caseId: 'c2', unitId: 'gulou' },
    });
    history.apply(registered('c2', '2026-02-01T00:00:00.000Z'));
    history.apply(registered('c3', '2026-03-01T00:00:00.000Z'));
    expect(history.examples()).toEqual([
      { text: '路灯坏了 c2', type: 'complaint', categoryCode: '010102', group: 'c2', unitId: 'gulou' },
      { text: '路灯坏了 c3', type: 'complaint', categoryCode: '010102', group: 'c3' },
    ]);
    expect(history.window()).toEqual({
      cases: 2,
      from: '2026-02-01T00:00:00.000Z',
      to: '2026-03-01T00:00:00.000Z',
    });
  });
});
