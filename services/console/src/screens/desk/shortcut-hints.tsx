import { Fragment } from 'react';
import { Typography } from 'antd';
import { useT } from '../../i18n';

/**
 * The desk's keys (use-desk-shortcuts.ts) as key caps: Ctrl, Alt and the F keys are shown as they
 * are printed on the keyboard, in `<kbd>`, the rest in the user's language (Ctrl+回车 受理登记).
 */
const HINTS: { keys: string[]; action: string }[] = [
  { keys: ['F2'], action: 'desk.shortcut.phone' },
  { keys: ['F4'], action: 'desk.shortcut.knowledge' },
  { keys: ['Ctrl', 'desk.key.enter'], action: 'desk.shortcut.register' },
  { keys: ['Alt', 'N'], action: 'desk.shortcut.newCall' },
];

export function ShortcutHints() {
  const t = useT();
  const cap = (key: string) => (key.startsWith('desk.') ? t(key) : key);
  return (
    <span className="shortcut-hints">
      {t('desk.shortcuts')}
      {HINTS.map(({ keys, action }, index) => (
        <Fragment key={action}>
          {index > 0 && ' · '}
          {keys.map((key, at) => (
            <Fragment key={key}>
              {at > 0 && '+'}
              <Typography.Text keyboard>{cap(key)}</Typography.Text>
            </Fragment>
          ))}{' '}
          {t(action)}
        </Fragment>
      ))}
    </span>
  );
}
