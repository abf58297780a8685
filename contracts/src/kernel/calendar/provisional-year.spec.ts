import { CalendarYearMissingError } from './calendar.errors';
import { chinaWorkingCalendar } from './china-calendar';

describe('chinaWorkingCalendar beyond the published schedules', () => {
  it('keeps counting working days into 2027 with weekends and the fixed-date statutory holidays', () => {
    const calendar = chinaWorkingCalendar();
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false); // New Year's Day, a Friday
    expect(calendar.isWorkingDay('2027-01-04')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2027-01-09')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2027-10-01')).toBe(false); // National Day
    expect(calendar.isWorkingDay('2027-05-03')).toBe(true); // Monday after Labour Day
  });

  it('lets the official notice replace the provisional year as a city override', () => {
    const calendar = chinaWorkingCalendar({
      overrides: { '2027': { holidays: ['2027-02-08'], workdays: ['2027-02-06'] } },
    });
    expect(calendar.isWorkingDay('2027-02-08')).toBe(false);
    expect(calendar.isWorkingDay('2027-02-06')).toBe(true); // a make-up Saturday
  });

  it('throws for a year without a schedule when provisional years are turned off', () => {
    const calendar = chinaWorkingCalendar({ provisionalYears: 0 });
    expect(() => calendar.isWorkingDay('2027-03-01')).toThrow(CalendarYearMissingError);
  });
});
