import { Timeline, Typography } from 'antd';
import type { CaseTimelineEntry } from '@hotline/contracts';
import { useT } from '../i18n';
import { EmptyState } from './empty-state';

/** The steps of a case, oldest first, each with its time, the event's name and its summary. */
export function CaseTimeline({ entries }: { entries: readonly CaseTimelineEntry[] }) {
  const t = useT();
  if (entries.length === 0) return <EmptyState description={t('timeline.empty')} />;
  return (
    <Timeline
      items={entries.map((entry) => ({
        key: entry.eventId,
        content: (
          <div>
            <Typography.Text strong>{t(`event.${entry.type}`)}</Typography.Text>{' '}
            <Typography.Text type="secondary">
              <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
            </Typography.Text>
            {entry.summary !== '' && <div>{entry.summary}</div>}
          </div>
        ),
      }))}
    />
  );
}
