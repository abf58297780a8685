import { Tag } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import type { CaseColour } from '@hotline/contracts';
import { useT } from '../i18n';

const LOOK = {
  green: { color: 'success', icon: <CheckCircleOutlined aria-hidden /> },
  yellow: { color: 'warning', icon: <ClockCircleOutlined aria-hidden /> },
  red: { color: 'error', icon: <ExclamationCircleOutlined aria-hidden /> },
} as const;

/** The deadline light (green/yellow/red) with an icon and words, so colour is never the only signal. */
export function CaseColourTag({ colour, dueAt }: { colour?: CaseColour; dueAt?: string }) {
  const t = useT();
  if (colour === undefined) return null;
  const look = LOOK[colour];
  const due = dueAt !== undefined ? ` · ${new Date(dueAt).toLocaleString()}` : '';
  return (
    <Tag color={look.color} icon={look.icon}>
      {t(`colour.${colour}`)}
      {due}
    </Tag>
  );
}
