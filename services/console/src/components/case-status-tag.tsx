import { Tag } from 'antd';
import type { CaseStatus } from '@hotline/contracts';
import { useT } from '../i18n';

const COLOURS: Record<CaseStatus, string> = {
  registered: 'default',
  dispatched: 'processing',
  returned: 'warning',
  signed: 'processing',
  replied: 'cyan',
  completed: 'success',
  closed: 'success',
  declined: 'default',
  merged: 'default',
};

/** A case's workflow status as text (`status.<status>`), coloured only as an extra cue. */
export function CaseStatusTag({ status }: { status: string }) {
  const t = useT();
  const colour = (COLOURS as Record<string, string>)[status] ?? 'default';
  return <Tag color={colour}>{t(`status.${status}`)}</Tag>;
}
