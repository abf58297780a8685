import { chinaWorkingCalendar } from '@hotline/contracts';
import { CallingHours } from './calling-hours';

describe('calling hours (China time)', () => {
  const hours = CallingHours.parse('08:00-21:00');

  it('lets a call through inside the window', () => {
    expect(hours.msUntilOpen(new Date('2026-12-07T00:00:00Z'))).toBe(0); // 08:00 in Beijing
    expect(hours.msUntilOpen(new Date('2026-12-07T12:59:59Z'))).toBe(0); // 20:59:59
  });

  it('holds a call at night until the window opens', () => {
    expect(hours.msUntilOpen(new Date('2026-12-07T13:00:00Z'))).toBe(11 * 3_600_000); // 21:00 → 08:00
    expect(hours.msUntilOpen(new Date('2026-12-06T23:30:00Z'))).toBe(30 * 60_000); // 07:30 → 08:00
  });

  describe('on working days only', () => {
    const calendar = chinaWorkingCalendar();
    const workingDays = CallingHours.parse('08:00-21:00', (at) => calendar.isWorkingDay(at));

    it('calls on a working day as every day', () => {
      expect(workingDays.msUntilOpen(new Date('2026-12-07T02:00:00Z'))).toBe(0); // Monday 10:00
    });

    it('holds a Saturday call until Monday 08:00', () => {
      // Saturday 2026-12-12 10:00 in Beijing → Monday 2026-12-14 08:00.
      const saturday = new Date('2026-12-12T02:00:00Z');
      expect(workingDays.msUntilOpen(saturday)).toBe(Date.parse('2026-12-14T00:00:00Z') - saturday.getTime());
    });

    it('holds a Friday evening call past the weekend, and one at the window start on Sunday to Monday', () => {
      const friday = new Date('2026-12-11T13:30:00Z'); // 21:30
      expect(workingDays.msUntilOpen(friday)).toBe(Date.parse('2026-12-14T00:00:00Z') - friday.getTime());
      const sundayStart = new Date('2026-12-13T00:00:00Z'); // Sunday 08:00
      expect(workingDays.msUntilOpen(sundayStart)).toBe(
        Date.parse('2026-12-14T00:00:00Z') - sundayStart.getTime(),
      );
    });
  });

  it('skips the Spring Festival holiday and calls on its make-up working Saturday', () => {
    const calendar = chinaWorkingCalendar();
    const workingDays = CallingHours.parse('08:00-21:00', (at) => calendar.isWorkingDay(at));
    // 2026: Saturday 14 February is a working day (调休), 15–23 February the holiday.
    const fridayEvening = new Date('2026-02-13T13:30:00Z'); // 21:30
    expect(workingDays.msUntilOpen(fridayEvening)).toBe(
      Date.parse('2026-02-14T00:00:00Z') - fridayEvening.getTime(),
    );
    const firstDay = new Date('2026-02-15T02:00:00Z'); // Sunday 10:00, the first day of the holiday
    expect(workingDays.msUntilOpen(firstDay)).toBe(Date.parse('2026-02-24T00:00:00Z') - firstDay.getTime());
  });

  it('refuses a window past midnight or in another form, naming it', () => {
    expect(() => CallingHours.parse('21:00-08:00')).toThrow('calling hours "21:00-08:00" must start before');
    expect(() => CallingHours.parse('8-21')).toThrow('must be HH:MM-HH:MM');
  });
});
