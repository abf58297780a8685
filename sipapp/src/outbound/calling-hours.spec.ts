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

  it('refuses a window past midnight or in another form, naming it', () => {
    expect(() => CallingHours.parse('21:00-08:00')).toThrow('calling hours "21:00-08:00" must start before');
    expect(() => CallingHours.parse('8-21')).toThrow('must be HH:MM-HH:MM');
  });
});
