import { beijingDay, beijingHalfHour } from './beijing-time';
import { checkRange, periodOf, previousRange, yearEarlier } from './periods';

describe('report periods', () => {
  it('puts an instant in its Beijing day and half-hour', () => {
    expect(beijingDay('2026-12-05T16:30:00.000Z')).toBe('2026-12-06');
    expect(beijingHalfHour('2026-12-05T16:45:00.000Z')).toBe('00:30');
  });

  it('names weeks (ISO, Monday first), months, quarters and years', () => {
    expect(periodOf('2026-12-06', 'week')).toBe('2026-W49');
    expect(periodOf('2027-01-01', 'week')).toBe('2026-W53');
    expect(periodOf('2026-12-07', 'week')).toBe('2026-W50');
    expect(periodOf('2026-11-30', 'quarter')).toBe('2026-Q4');
    expect(periodOf('2026-11-30', 'month')).toBe('2026-11');
  });

  it('compares with the range just before (环比) and a year earlier (同比)', () => {
    expect(previousRange({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: '2026-10-02',
      to: '2026-10-31',
    });
    expect(yearEarlier({ from: '2028-02-01', to: '2028-02-29' })).toEqual({
      from: '2027-02-01',
      to: '2027-02-28',
    });
  });

  it('refuses a reversed range and one over ten years, naming `to`', () => {
    expect(() => checkRange({ from: '2026-11-02', to: '2026-11-01' })).toThrow(
      /^to: must not be before from/,
    );
    expect(() => checkRange({ from: '2010-01-01', to: '2026-11-01' })).toThrow(/^to: the range is \d+ days/);
  });
});
