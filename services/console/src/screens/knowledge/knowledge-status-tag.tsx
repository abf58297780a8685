import { ToneTag } from '../../components';
import { useT } from '../../i18n';
import type { KnowledgeReviewStatus } from './knowledge-api';

const TONE = {
  'in-review': 'orange',
  approved: 'green',
  rejected: 'red',
  retired: 'grey',
} as const;

/** Where an article stands, in words (and colour beside them). */
export function KnowledgeStatusTag({ status }: { status: KnowledgeReviewStatus }) {
  const t = useT();
  return <ToneTag tone={TONE[status]}>{t(`knowledge.status.${status}`)}</ToneTag>;
}
