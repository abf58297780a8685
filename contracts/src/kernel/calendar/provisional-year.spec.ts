import { CalendarYearMissingError } from './calendar.errors';
import { formatChinaTime } from './china-time';
import { CN_PUBLIC_HOLIDAYS, chinaWorkingCalendar, provisionalYear } from './china-calendar';

/** The statutory days (not the bridging days or make-up days) as published lunar calendars give them. */
const PUBLISHED_LUNAR_DAYS: Record<
  string,
  { springFestival: string[]; qingming: string; dragonBoat: string; midAutumn: string }
> = {
  '2027': {
    springFestival: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'],
    qingming: '2027-04-05',
    dragonBoat: '2027-06-09',
    midAutumn: '2027-09-15',
  },
  '2028': {
    springFestival: ['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28'],
    qingming: '2028-04-04',
    dragonBoat: '2028-05-28',
    midAutumn: '2028-10-03',
  },
  '2029': {
    springFestival: ['2029-02-12', '2029-02-13', '2029-02-14', '2029-02-15'],
    qingming: '2029-04-04',
    dragonBoat: '2029-06-16',
    midAutumn: '2029-09-22',
  },
  '2030': {
    springFestival: ['2030-02-02', '2030-02-03', '2030-02-04', '2030-02-05'],
    qingming: '2030-04-05',
    dragonBoat: '2030-06-05',
    midAutumn: '2030-09-12',
  },
};

describe('provisionalYear: the statutory holidays of a year before its official notice', () => {
  it.each(['2025', '2026'])('gives only days that the official %s schedule has off', (year) => {
    const official = new Set(CN_PUBLIC_HOLIDAYS[year]?.holidays);
    const provisional = provisionalYear(Number(year)).holidays;
    expect(provisional.filter((day) => !official.has(day))).toEqual([]);
    expect(provisional).toHaveLength(13); // 1 + 4 + 1 + 2 + 1 + 1 + 3 statutory days since 2025
  });

  it.each(Object.entries(PUBLISHED_LUNAR_DAYS))('computes the lunar holidays of %s', (year, lunar) => {
    const holidays = provisionalYear(Number(year)).holidays;
    expect(holidays).toEqual(
      expect.arrayContaining([...lunar.springFestival, lunar.qingming, lunar.dragonBoat, lunar.midAutumn]),
    );
    expect(holidays).toEqual(expect.arrayContaining([`${year}-01-01`, `${year}-05-01`, `${year}-10-03`]));
  });
});

describe('chinaWorkingCalendar beyond the published schedules', () => {
  it('keeps counting working days into 2027 with weekends and the statutory holidays', () => {
    const calendar = chinaWorkingCalendar();
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false); // New Year's Day, a Friday
    expect(calendar.isWorkingDay('2027-01-04')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2027-01-09')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2027-02-05')).toBe(false); // Spring Festival's eve, a Friday
    expect(calendar.isWorkingDay('2027-02-08')).toBe(false); // the third day of the first month, a Monday
    expect(calendar.isWorkingDay('2027-06-09')).toBe(false); // Dragon Boat, a Wednesday
    expect(calendar.isWorkingDay('2027-09-15')).toBe(false); // Mid-Autumn, a Wednesday
    expect(calendar.isWorkingDay('2027-10-01')).toBe(false); // National Day
    expect(calendar.isWorkingDay('2027-05-03')).toBe(true); // Monday after Labour Day
  });

  it('counts a deadline across Spring Festival 2027 past the holiday', () => {
    const calendar = chinaWorkingCalendar();
    // Five working days from Thursday 4 February: the 5th-8th are off, so the fifth is Friday the 12th.
    const due = calendar.addWorkingDays(new Date('2027-02-04T00:00:00+08:00'), 5);
    expect(formatChinaTime(due)).toBe('2027-02-12 17:30');
  });

  it('marks the years after the published schedules provisional until their notice is loaded', () => {
    expect(chinaWorkingCalendar().isProvisional(2026)).toBe(false);
    expect(chinaWorkingCalendar().isProvisional(2027)).toBe(true);
    const notice = { '2027': { holidays: ['2027-02-05', '2027-02-12'], workdays: ['2027-02-20'] } };
    const loaded = chinaWorkingCalendar({ notices: notice });
    expect(loaded.isProvisional(2027)).toBe(false);
    expect(loaded.isProvisional(2028)).toBe(true);
    // The notice replaces the provisional year: its days are the official ones.
    expect(loaded.isWorkingDay('2027-02-12')).toBe(false);
    expect(loaded.isWorkingDay('2027-02-20')).toBe(true);
    expect(loaded.isWorkingDay('2027-06-09')).toBe(true);
  });

  it('keeps a year provisional when the city adds its own days', () => {
    const calendar = chinaWorkingCalendar({
      overrides: { '2027': { holidays: ['2027-03-01'], workdays: ['2027-02-06'] } },
    });
    expect(calendar.isProvisional(2027)).toBe(true);
    expect(
      calendar.withOverrides({ '2027': { holidays: ['2027-03-02'], workdays: [] } }).isProvisional(2027),
    ).toBe(true);
    expect(calendar.isWorkingDay('2027-03-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-02-06')).toBe(true); // a make-up Saturday
  });

  it('throws for a year without a schedule when provisional years are turned off', () => {
    const calendar = chinaWorkingCalendar({ provisionalYears: 0 });
    expect(() => calendar.isWorkingDay('2027-03-01')).toThrow(CalendarYearMissingError);
  });
});
