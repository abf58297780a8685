import { redactPath } from './http-tracing.middleware';

describe('redactPath', () => {
  it('masks mobile and landline numbers and ID card numbers in a logged path', () => {
    expect(redactPath('/api/callers/13712348888/history')).toBe('/api/callers/***/history');
    expect(redactPath('/api/blocklist/0591-87654321')).toBe('/api/blocklist/***');
    expect(redactPath('/api/x/35010219800101123X')).toBe('/api/x/***');
  });

  it('keeps case numbers, ids and dates', () => {
    for (const path of [
      '/api/public/cases/20260101',
      '/api/cases/case-2026-0001',
      '/api/settings/calendar/days/2026-07-15/clear',
    ]) {
      expect(redactPath(path)).toBe(path);
    }
  });
});
