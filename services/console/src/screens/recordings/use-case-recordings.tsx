import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { useRequest } from '../../components/use-request';
import { useInstant, useT } from '../../i18n';
import { callLength } from './call-length';
import { RecordingPlayer } from './recording-player';
import { searchCallRecordings, type CallRecordingsAnswer } from './recordings-api';

/**
 * The recorded calls of one case (by its number) as timeline items: when, which way, who answered,
 * how long, and a player. Empty while unknown or when the search is refused: a timeline without its
 * calls still serves.
 */
export function useCaseRecordings(
  caseNumber: string | undefined,
): Array<{ key: string; at: string; content: ReactNode }> {
  const t = useT();
  const instant = useInstant();
  const found = useRequest(
    () =>
      searchCallRecordings({ caseNumber: caseNumber ?? '', limit: 100 }).catch((): CallRecordingsAnswer => ({
        items: [],
        names: {},
      })),
    caseNumber === undefined ? null : `case-recordings:${caseNumber}`,
  );
  const answer = found.data;
  if (answer === undefined) return [];
  return answer.items.map((call) => ({
    key: call.recordingId,
    at: call.startedAt,
    content: (
      <div data-testid="timeline-call">
        <Typography.Text strong>
          {t('recordings.title')} · {t(`recordings.direction.${call.direction}`)}
        </Typography.Text>{' '}
        <Typography.Text type="secondary">
          <time dateTime={call.startedAt}>{instant(call.startedAt)}</time>
          {call.agentId ? ` · ${answer.names[call.agentId] ?? t('recordings.unknownAgent')}` : ''} ·{' '}
          {callLength(call.seconds)}
        </Typography.Text>
        <div>
          <RecordingPlayer recordingId={call.recordingId} />
        </div>
      </div>
    ),
  }));
}
