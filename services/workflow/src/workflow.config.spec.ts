import { ConfigError, loadConfig } from '@hotline/infra/config';
import { chinaTime } from '@hotline/contracts';
import { workflowConfigSchema } from './workflow.config';
import { workflowSettingsFromConfig } from './workflow-settings';

const settingsOf = (env: Record<string, string>, files: Record<string, string> = {}) =>
  workflowSettingsFromConfig(loadConfig(workflowConfigSchema, env, 'workflow'), (path) => {
    const text = files[path];
    if (text === undefined) throw new Error(`ENOENT: ${path}`);
    return text;
  });

const failure = (run: () => unknown): ConfigError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('workflow settings from the environment', () => {
  it("defaults to Fujian's limits and the DOMAIN.md rules", () => {
    const settings = settingsOf({});
    expect(settings.deadlines.limits).toEqual({
      consult: 2,
      complaint: 10,
      report: 15,
      suggestion: 5,
      help: 3,
      praise: 5,
    });
    expect(settings.deadlines).toMatchObject({
      urgentOrSimple: 0,
      extensionNoticeAtLeast: 0.5,
      subDispatchWithinHours: 12,
      extensionMaxShareOfLimit: 1,
    });
    expect(settings.rules).toEqual({
      fallbackAfterReturns: 2,
      redosBeforeClosingDissatisfied: 2,
      supervisedRedoFrom: 2,
    });
    expect(settings.readAfterWriteTimeoutMs).toBe(3_000);
  });

  it("takes another city's limits with half-day precision", () => {
    const settings = settingsOf({
      WORKFLOW_LIMIT_CONSULT: '5',
      WORKFLOW_LIMIT_COMPLAINT: '15',
      WORKFLOW_LIMIT_REPORT: '30',
      WORKFLOW_SIGN_WITHIN_DAYS: '0.5',
      WORKFLOW_YELLOW_WITHIN_DAYS: '1.5',
      WORKFLOW_SUB_DISPATCH_WITHIN_HOURS: '8',
      WORKFLOW_SUPERVISED_REDO_FROM: '1',
      WORKFLOW_READ_AFTER_WRITE_TIMEOUT_MS: '500',
    });
    expect(settings.deadlines.limits).toMatchObject({ consult: 5, complaint: 15, report: 30 });
    expect(settings.deadlines).toMatchObject({
      signWithin: 0.5,
      yellowWithin: 1.5,
      subDispatchWithinHours: 8,
    });
    expect(settings.rules.supervisedRedoFrom).toBe(1);
    expect(settings.readAfterWriteTimeoutMs).toBe(500);
  });

  it.each([
    ['WORKFLOW_LIMIT_COMPLAINT', '10.3', /steps of 0\.5/],
    ['WORKFLOW_LIMIT_HELP', 'three', /steps of 0\.5/],
    ['WORKFLOW_EXTENSION_MAX_SHARE', '1.5', /from 0 to 1/],
    ['WORKFLOW_EXTENSION_MAX_SHARE', '0', /more than 0/],
    ['WORKFLOW_SUB_DISPATCH_WITHIN_HOURS', '0', /at least 1/],
    ['WORKFLOW_FALLBACK_AFTER_RETURNS', '0', /at least 1/],
    ['WORKFLOW_READ_AFTER_WRITE_TIMEOUT_MS', '-1', /at least 0/],
  ])('stops on %s=%s naming the variable', (variable, value, reason) => {
    const error = failure(() => settingsOf({ [variable]: value }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.variable).toBe(variable);
    expect(error.issues[0]?.reason).toMatch(reason);
    expect(error.message).toContain('service workflow');
  });

  it("lays the city's calendar file over China's schedule", () => {
    const overrides = JSON.stringify({ '2025': { holidays: ['2025-03-04'], workdays: [] } });
    const settings = settingsOf(
      { WORKFLOW_CALENDAR_OVERRIDES_PATH: '/etc/city.json' },
      {
        '/etc/city.json': overrides,
      },
    );
    expect(settings.calendar.isWorkingDay('2025-03-04')).toBe(false);
    // The national schedule stays the base: the 2025 Spring Festival make-up Sunday still works.
    expect(settings.calendar.isWorkingDay('2025-01-26')).toBe(true);
    const tuesday = chinaTime('2025-03-03', '09:00');
    expect(settingsOf({}).calendar.addWorkingDays(tuesday, 1).toISOString()).not.toBe(
      settings.calendar.addWorkingDays(tuesday, 1).toISOString(),
    );
  });

  it('loads a later State Council notice from one file: the year stops being provisional', () => {
    const notice = JSON.stringify({
      '2027': { holidays: ['2027-02-05', '2027-02-11'], workdays: ['2027-02-20'] },
    });
    expect(settingsOf({}).calendar.isProvisional(2027)).toBe(true);
    const settings = settingsOf(
      { WORKFLOW_CALENDAR_NOTICES_PATH: '/etc/notice.json' },
      { '/etc/notice.json': notice },
    );
    expect(settings.calendar.isProvisional(2027)).toBe(false);
    expect(settings.calendar.isWorkingDay('2027-02-11')).toBe(false);
    expect(settings.calendar.isWorkingDay('2027-02-20')).toBe(true); // a make-up Saturday
    expect(() => settingsOf({ WORKFLOW_CALENDAR_NOTICES_PATH: '/etc/notice.json' }, {})).toThrow(
      /WORKFLOW_CALENDAR_NOTICES_PATH/,
    );
  });

  it.each([
    ['a missing file', {}, /cannot be read/],
    ['a file that is not JSON', { '/etc/city.json': '{ holidays' }, /not valid JSON/],
    [
      'a date outside its year',
      { '/etc/city.json': JSON.stringify({ '2025': { holidays: ['2026-01-01'], workdays: [] } }) },
      /2025\.holidays\.0: 2026-01-01 is not in 2025/,
    ],
  ])('stops on %s, naming WORKFLOW_CALENDAR_OVERRIDES_PATH', (_label, files, reason) => {
    const error = failure(() => settingsOf({ WORKFLOW_CALENDAR_OVERRIDES_PATH: '/etc/city.json' }, files));
    expect(error.issues[0]?.variable).toBe('WORKFLOW_CALENDAR_OVERRIDES_PATH');
    expect(error.issues[0]?.reason).toMatch(reason);
  });
});
