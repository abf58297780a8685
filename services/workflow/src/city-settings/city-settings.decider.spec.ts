import { CategoryTaxonomy, SAMPLE_CATEGORIES, type Actor } from '@hotline/contracts';
import { deciderSpec } from '@hotline/infra/command/testing';
import { citySettingsDecider, isRetired, type CitySettingsEvent } from './city-settings.decider';
import { CitySettingsError } from './city-settings.errors';

const center: Actor = { id: 'admin-1', role: 'center' };
const agent: Actor = { id: 'agent-1', role: 'agent' };
const baseTaxonomy = new CategoryTaxonomy(SAMPLE_CATEGORIES);
const settings = deciderSpec(citySettingsDecider, () => ({
  now: new Date('2026-03-02T01:00:00Z'),
  actor: center,
  districtId: 'city',
  commandId: 'command-1',
  baseTaxonomy,
}));

const level1 = SAMPLE_CATEGORIES.find((c) => c.code.endsWith('0000'))!;
const level2 = SAMPLE_CATEGORIES.find(
  (c) => c.code !== level1.code && c.code.startsWith(level1.code.slice(0, 2)) && c.code.endsWith('00'),
)!;
const leaf = SAMPLE_CATEGORIES.find(
  (c) => c.code.startsWith(level2.code.slice(0, 4)) && !c.code.endsWith('00'),
)!;
const freeLeaf = (() => {
  for (let i = 99; i > 0; i--) {
    const code = `${level2.code.slice(0, 4)}${String(i).padStart(2, '0')}`;
    if (!baseTaxonomy.get(code)) return code;
  }
  throw new Error('no free code');
})();

const defined = (version = 1): CitySettingsEvent => ({
  type: 'CategoryDefined',
  data: {
    code: freeLeaf,
    name: '共享单车停放',
    nameEn: 'Shared bike parking',
    parentCode: level2.code,
    settingsVersion: version,
  },
});
const define = (data: Partial<{ code: string; parentCode: string }> = {}) => ({
  type: 'DefineCategory' as const,
  data: {
    code: freeLeaf,
    name: '共享单车停放',
    nameEn: 'Shared bike parking',
    parentCode: level2.code,
    ...data,
  },
});

describe('the city settings: categories', () => {
  it('defines a category under its parent, as the next version', () => {
    settings
      .given([])
      .when(define())
      .then([defined(1)]);
  });

  it('refuses a code already in the shipped taxonomy or defined by the city, naming code', () => {
    settings
      .given([])
      .when(define({ code: leaf.code }))
      .thenRejects(CitySettingsError.CategoryExists, /^code:/);
    settings
      .given([defined()])
      .when(define())
      .thenRejects(CitySettingsError.CategoryExists, /^code:/);
  });

  it('refuses a parent that does not match the code’s level', () => {
    settings
      .given([])
      .when(define({ parentCode: level1.code }))
      .thenRejects(CitySettingsError.ParentMismatch, new RegExp(`parent is ${level2.code}`));
    settings
      .given([])
      .when({
        type: 'DefineCategory',
        data: { code: '980000', name: '新', nameEn: 'New', parentCode: level1.code },
      })
      .thenRejects(CitySettingsError.ParentMismatch, /takes no parent/);
  });

  it('refuses a parent that is unknown or retired', () => {
    settings
      .given([])
      .when({
        type: 'DefineCategory',
        data: { code: '980100', name: '新', nameEn: 'New', parentCode: '980000' },
      })
      .thenRejects(CitySettingsError.UnknownParent, /^parentCode: 980000/);
    settings
      .given([{ type: 'CategoryRetired', data: { code: level1.code, settingsVersion: 1 } }])
      .when(define())
      .thenRejects(CitySettingsError.ParentRetired, /retired/);
  });

  it('renames a shipped category and does nothing when the names are the same', () => {
    settings
      .given([])
      .when({ type: 'RenameCategory', data: { code: leaf.code, name: '新名', nameEn: 'New name' } })
      .then([
        {
          type: 'CategoryRenamed',
          data: { code: leaf.code, name: '新名', nameEn: 'New name', settingsVersion: 1 },
        },
      ]);
    settings
      .given([])
      .when({ type: 'RenameCategory', data: { code: leaf.code, name: leaf.name, nameEn: leaf.nameEn } })
      .then([]);
    settings
      .given([])
      .when({ type: 'RenameCategory', data: { code: '990099', name: '无', nameEn: 'None' } })
      .thenRejects(CitySettingsError.UnknownCategory, /^code: 990099/);
  });

  it('retires and reactivates a category; a repeat changes nothing', () => {
    const retired: CitySettingsEvent = {
      type: 'CategoryRetired',
      data: { code: freeLeaf, settingsVersion: 2 },
    };
    settings
      .given([defined()])
      .when({ type: 'RetireCategory', data: { code: freeLeaf } })
      .then([retired]);
    settings
      .given([defined(), retired])
      .when({ type: 'RetireCategory', data: { code: freeLeaf } })
      .then([]);
    settings
      .given([defined(), retired])
      .when({ type: 'ReactivateCategory', data: { code: freeLeaf } })
      .then([{ type: 'CategoryReactivated', data: { code: freeLeaf, settingsVersion: 3 } }]);
    settings
      .given([defined()])
      .when({ type: 'ReactivateCategory', data: { code: freeLeaf } })
      .then([]);
    settings
      .given([])
      .when({ type: 'RetireCategory', data: { code: '990099' } })
      .thenRejects(CitySettingsError.UnknownCategory);
    settings
      .given([])
      .when({ type: 'ReactivateCategory', data: { code: '990099' } })
      .thenRejects(CitySettingsError.UnknownCategory);
  });

  it('counts a category under a retired one as retired', () => {
    expect(isRetired(leaf.code, [level1.code])).toBe(true);
    expect(isRetired(level1.code, [leaf.code])).toBe(false);
  });
});

describe('the city settings: calendar and limits', () => {
  const declared: CitySettingsEvent = {
    type: 'CalendarDayDeclared',
    data: { date: '2026-03-10', kind: 'holiday', name: '市庆', settingsVersion: 1 },
  };

  it('declares a day of its own and clears it again', () => {
    settings
      .given([])
      .when({ type: 'DeclareCalendarDay', data: { date: '2026-03-10', kind: 'holiday', name: '市庆' } })
      .then([declared]);
    settings
      .given([declared])
      .when({ type: 'DeclareCalendarDay', data: { date: '2026-03-10', kind: 'holiday', name: '市庆' } })
      .then([]);
    settings
      .given([declared])
      .when({ type: 'ClearCalendarDay', data: { date: '2026-03-10' } })
      .then([{ type: 'CalendarDayCleared', data: { date: '2026-03-10', settingsVersion: 2 } }]);
  });

  it('refuses to clear a date the city has no entry for, naming date', () => {
    settings
      .given([])
      .when({ type: 'ClearCalendarDay', data: { date: '2026-03-10' } })
      .thenRejects(CitySettingsError.NoCityDay, /^date:/);
  });

  it('sets a limit of a case type; the same limit again changes nothing', () => {
    const set: CitySettingsEvent = {
      type: 'DeadlineLimitSet',
      data: { caseType: 'complaint', workingDays: 7.5, settingsVersion: 1 },
    };
    settings
      .given([])
      .when({ type: 'SetDeadlineLimit', data: { caseType: 'complaint', workingDays: 7.5 } })
      .then([set]);
    settings
      .given([set])
      .when({ type: 'SetDeadlineLimit', data: { caseType: 'complaint', workingDays: 7.5 } })
      .then([]);
  });

  it('is for the center and the system only', () => {
    for (const command of [
      define(),
      { type: 'SetDeadlineLimit' as const, data: { caseType: 'help' as const, workingDays: 2 } },
      { type: 'ClearCalendarDay' as const, data: { date: '2026-03-10' } },
    ]) {
      settings
        .given([])
        .when(command, { actor: agent })
        .thenRejects(CitySettingsError.RoleNotAllowed, /not agent/);
    }
  });
});
