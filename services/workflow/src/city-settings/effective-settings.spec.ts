import { defaultWorkflowSettings } from '../workflow-settings';
import { citySettingsDecider, type CitySettingsEvent } from './city-settings.decider';
import { calendarView, categoriesView, deadlinesFor, effectiveSettings } from './effective-settings';

const base = defaultWorkflowSettings();
const stateOf = (...events: CitySettingsEvent[]) =>
  events.reduce(citySettingsDecider.evolve, citySettingsDecider.initialState());

describe('the effective settings', () => {
  it('keeps each case on the limits in force when it was registered', () => {
    const state = stateOf(
      { type: 'DeadlineLimitSet', data: { caseType: 'complaint', workingDays: 8, settingsVersion: 1 } },
      { type: 'DeadlineLimitSet', data: { caseType: 'complaint', workingDays: 6, settingsVersion: 2 } },
    );
    const settings = effectiveSettings(base, state, [
      { position: 100, caseType: 'complaint', workingDays: 8 },
      { position: 200, caseType: 'complaint', workingDays: 6 },
    ]);
    expect(deadlinesFor(base, settings, undefined).limits.complaint).toBe(6);
    expect(deadlinesFor(base, settings, 50).limits.complaint).toBe(base.deadlines.limits.complaint);
    expect(deadlinesFor(base, settings, 150).limits.complaint).toBe(8);
    expect(deadlinesFor(base, settings, 250).limits.complaint).toBe(6);
    expect(deadlinesFor(base, settings, 250).limits.consult).toBe(base.deadlines.limits.consult);
  });

  it('makes a city holiday a day off and a city working day a working day', () => {
    const settings = effectiveSettings(
      base,
      stateOf(
        {
          type: 'CalendarDayDeclared',
          data: { date: '2026-03-10', kind: 'holiday', name: '市庆', settingsVersion: 1 },
        },
        {
          type: 'CalendarDayDeclared',
          data: { date: '2026-03-14', kind: 'workday', name: '补班', settingsVersion: 2 },
        },
      ),
    );
    expect(base.calendar.isWorkingDay('2026-03-10')).toBe(true);
    expect(settings.calendar.isWorkingDay('2026-03-10')).toBe(false);
    expect(settings.calendar.isWorkingDay('2026-03-14')).toBe(true);
    const days = calendarView(base, settings, 2026).days;
    expect(days).toContainEqual({ date: '2026-03-14', kind: 'workday', name: '补班', source: 'city' });
    expect(days.filter((d) => d.date === '2026-03-10')).toEqual([
      { date: '2026-03-10', kind: 'holiday', name: '市庆', source: 'city' },
    ]);
    expect(days.find((d) => d.date === '2026-01-01')).toMatchObject({ kind: 'holiday', source: 'official' });
  });

  it('marks a year provisional, with its computed Spring Festival, until its notice is loaded', () => {
    const view = calendarView(base, effectiveSettings(base), 2027);
    expect(view.provisional).toBe(true);
    expect(view.days).toContainEqual({
      date: '2027-02-08',
      kind: 'holiday',
      name: '法定节假日',
      source: 'official',
    });
    expect(calendarView(base, effectiveSettings(base), 2026).provisional).toBe(false);
  });

  it('lists renamed and retired categories with their source, and retires those under a retired one', () => {
    const settings = effectiveSettings(
      base,
      stateOf(
        {
          type: 'CategoryRenamed',
          data: { code: '030101', name: '噪声', nameEn: 'Noise nuisance', settingsVersion: 1 },
        },
        { type: 'CategoryRetired', data: { code: '030100', settingsVersion: 2 } },
      ),
    );
    const view = categoriesView(settings);
    expect(view.version).toBe(2);
    expect(view.categories.find((c) => c.code === '030101')).toEqual({
      code: '030101',
      name: '噪声',
      nameEn: 'Noise nuisance',
      parentCode: '030100',
      level: 3,
      active: false,
      source: 'base',
    });
    expect(view.categories.find((c) => c.code === '030000')).toMatchObject({ active: true, level: 1 });
    expect(settings.taxonomy.get('030101')?.name).toBe('噪声');
  });
});
