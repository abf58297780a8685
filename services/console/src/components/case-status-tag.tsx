import type { CaseStatus } from '@hotline/contracts';
import { useT } from '../i18n';
import { type Tone, ToneTag } from './tone-tag';

const TONE: Record<CaseStatus, Tone> = {
  registered: 'grey',
  dispatched: 'blue',
  returned: 'orange',
  signed: 'blue',
  replied: 'cyan',
  completed: 'green',
  closed: 'green',
  declined: 'grey',
  merged: 'grey',
};

/** A case's workflow status as text (`status.<status>`), coloured only as an extra cue. */
export function CaseStatusTag({ status }: { status: string }) {
  const t = useT();
  return <ToneTag tone={(TONE as Record<string, Tone>)[status] ?? 'grey'}>{t(`status.${status}`)}</ToneTag>;
}
