import { formatInstant } from './date-time';

describe('formatInstant', () => {
  it('shows an instant in the city zone, not UTC, in Chinese and English', () => {
    expect(formatInstant('2026-12-06T17:30:00.000Z', 'zh-CN')).toBe('2026/12/07 01:30');
    expect(formatInstant('2026-12-06T17:30:00.000Z', 'en')).toBe('12/07/2026, 01:30');
  });

  it('shows the city date and time alone', () => {
    expect(formatInstant('2026-12-06T17:30:00.000Z', 'zh-CN', 'date')).toBe('2026/12/07');
    expect(formatInstant('2026-12-06T17:30:00.000Z', 'zh-CN', 'time')).toBe('01:30');
  });

  it('shows a dash for a missing or unreadable instant', () => {
    expect(formatInstant(undefined, 'zh-CN')).toBe('—');
    expect(formatInstant('not a date', 'zh-CN')).toBe('—');
  });
});
