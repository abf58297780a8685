import {
  isSurgeVisible,
  isVisible,
  unitAndDescendants,
  unitIdsIn,
  type LiveCaseEvent,
  type LiveSurgeEvent,
} from './live-scope';

const event = (unitIds: string[], districtId = 'gulou'): LiveCaseEvent => ({
  caseId: 'c-1',
  type: 'CaseDispatched',
  unitIds,
  districtId,
  position: 7,
});

describe('live scope', () => {
  it('collects every unit an event names, nested or in lists', () => {
    const data = {
      caseId: 'c-1',
      lead: { unitId: 'housing-bureau', dueAt: 'x' },
      coHandlers: [{ unitId: 'gulou-dongjie' }],
      previousLeadUnitId: 'old-unit',
      note: 'unitId: not-a-unit',
    };
    expect([...unitIdsIn(data)].sort()).toEqual(['gulou-dongjie', 'housing-bureau', 'old-unit']);
  });

  it('finds a unit and all units below it', () => {
    const units = [
      { unitId: 'a' },
      { unitId: 'b', parentId: 'a' },
      { unitId: 'c', parentId: 'b' },
      { unitId: 'd', parentId: 'x' },
    ];
    expect([...unitAndDescendants('a', units)].sort()).toEqual(['a', 'b', 'c']);
    expect([...unitAndDescendants('b', units)].sort()).toEqual(['b', 'c']);
  });

  it('shows a unit user only events of its units, a district user its district, the city everything', () => {
    const unit = { districtId: 'gulou', unitIds: new Set(['b', 'c']) };
    expect(isVisible(unit, event(['c']))).toBe(true);
    expect(isVisible(unit, event(['a']))).toBe(false);
    expect(isVisible({ districtId: 'gulou' }, event([], 'gulou'))).toBe(true);
    expect(isVisible({ districtId: 'gulou' }, event([], 'taijiang'))).toBe(false);
    expect(isVisible({ districtId: 'city' }, event([], 'taijiang'))).toBe(true);
  });

  it('shows a surge alert to surge readers of the city or of a district it touches, never to units or agents', () => {
    const surge = { districtIds: ['gulou', 'cangshan'] } as LiveSurgeEvent;
    expect(isSurgeVisible({ districtId: 'city', surges: true }, surge)).toBe(true);
    expect(isSurgeVisible({ districtId: 'gulou', surges: true }, surge)).toBe(true);
    expect(isSurgeVisible({ districtId: 'taijiang', surges: true }, surge)).toBe(false);
    expect(isSurgeVisible({ districtId: 'city', surges: false }, surge)).toBe(false);
    expect(isSurgeVisible({ districtId: 'gulou', surges: true, unitIds: new Set(['a']) }, surge)).toBe(false);
  });
});
