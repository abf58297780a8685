import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import type { CaseColour } from '@hotline/contracts';
import { useInstant, useT } from '../i18n';
import { ToneTag } from './tone-tag';

const LOOK = {
  green: { tone: 'green', icon: <CheckCircleOutlined aria-hidden /> },
  yellow: { tone: 'orange', icon: <ClockCircleOutlined aria-hidden /> },
  red: { tone: 'red', icon: <ExclamationCircleOutlined aria-hidden /> },
} as const;

/** The deadline light (green/yellow/red) with an icon and words, so colour is never the only signal. */
export function CaseColourTag({ colour, dueAt }: { colour?: CaseColour; dueAt?: string }) {
  const t = useT();
  const instant = useInstant();
  if (colour === undefined) return null;
  const look = LOOK[colour];
  const due = dueAt !== undefined ? ` · ${instant(dueAt)}` : '';
  return (
    <ToneTag tone={look.tone} icon={look.icon}>
      {t(`colour.${colour}`)}
      {due}
    </ToneTag>
  );
}
