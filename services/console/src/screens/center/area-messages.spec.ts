import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeMessages } from '../../i18n/messages';

const SRC = join(__dirname, '..', '..');
const FILES = [
  ...['screens/desk', 'screens/center', 'screens/admin'].flatMap((dir) =>
    readdirSync(join(SRC, dir))
      .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.spec.ts'))
      .map((name) => join(dir, name)),
  ),
  'components/dispatch-form.tsx',
  'components/callback-modal.tsx',
];

/** Literal keys passed to `t('…')`; keys built from values are covered by the enumerations below. */
const literalKeys = (file: string): string[] =>
  [...readFileSync(join(SRC, file), 'utf8').matchAll(/\bt\('([a-zA-Z][\w.-]*)'/g)].map((m) => m[1] ?? '');

describe('desk, center and admin texts', () => {
  const zh = mergeMessages('zh-CN');
  const en = mergeMessages('en');

  it.each(FILES)('has a zh-CN and an en text for every key %s uses', (file) => {
    const keys = literalKeys(file);
    expect(keys.filter((key) => zh[key] === undefined || en[key] === undefined)).toEqual([]);
  });

  it('names every value the screens translate by building a key', () => {
    const built = [
      'desk.done.dispatchLater',
      ...['flood', 'blocklisted', 'attachment-refused', 'unreadable'].map((v) => `desk.quarantine.${v}`),
      ...['consult', 'complaint', 'report', 'suggestion', 'help', 'praise'].map((v) => `type.${v}`),
      ...['satisfied', 'basically-satisfied', 'dissatisfied'].map((v) => `rating.${v}`),
      ...['efficiency', 'attitude', 'result'].map((v) => `callback.${v}`),
      ...['dispatch', 'redispatch'].flatMap((v) => [
        `dispatch.${v}`,
        `dispatch.submit.${v}`,
        `center.action.${v}`,
      ]),
      ...['to-sign', 'in-progress', 'replied', 'returned', 'handed-on', 'reassigned', 'done'].map(
        (v) => `center.unitStatus.${v}`,
      ),
      ...['users', 'units', 'catalogue', 'categories', 'calendar'].map((v) => `admin.nav.${v}`),
      ...['city', 'district', 'street', 'community'].map((v) => `admin.level.${v}`),
      ...['case-registered', 'merged-into-case', 'answered-directly', 'referred', 'not-accepted'].flatMap(
        (v) => [`desk.outcome.${v}`, `desk.done.${v}`],
      ),
    ];
    expect(built.filter((key) => zh[key] === undefined || en[key] === undefined)).toEqual([]);
  });
});
