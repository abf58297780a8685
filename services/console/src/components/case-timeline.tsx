import type { ReactNode } from 'react';
import { Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import type { CaseTimelineEntry } from '@hotline/contracts';
import { useT } from '../i18n';
import { EmptyState } from './empty-state';
import { timelineLine } from './timeline-text';
import { useTimelineWords } from './use-timeline-words';

/**
 * The steps of a case, oldest first: what happened, who did it in which role, when (the city's
 * time), and what they wrote. `caseLink` makes a linked case (a merge) a link, for staff screens.
 */
export function CaseTimeline({
  entries,
  caseLink,
  calls = [],
}: {
  entries: readonly CaseTimelineEntry[];
  caseLink?: (caseId: string) => string;
  /** The case's recorded calls, each placed in time among the steps (the call's start). */
  calls?: ReadonlyArray<{ key: string; at: string; content: ReactNode }>;
}) {
  const t = useT();
  const words = useTimelineWords();
  if (entries.length === 0 && calls.length === 0) return <EmptyState description={t('timeline.empty')} />;
  const callItems = [...calls].sort((a, b) => a.at.localeCompare(b.at));
  const items = entries.flatMap((entry) => {
    // The calls that began before this step go before it.
    const before = callItems.filter((call) => call.at < entry.at);
    callItems.splice(0, before.length);
    return [...before.map(callItem), stepItem(entry)];
  });
  return <Timeline items={[...items, ...callItems.map(callItem)]} />;

  function callItem(call: { key: string; at: string; content: ReactNode }) {
    return { key: `call-${call.key}`, color: 'purple', content: call.content };
  }

  function stepItem(entry: CaseTimelineEntry) {
    const line = timelineLine(entry, words);
    return {
      key: entry.eventId,
      content: (
        <div data-testid="timeline-entry">
          <Typography.Text strong>{line.title}</Typography.Text>{' '}
          <Typography.Text type="secondary">
            <time dateTime={entry.at}>{words.instant(entry.at)}</time> · {line.who}
          </Typography.Text>
          <div>{line.text}</div>
          {line.notes.map((note) => (
            <div key={note.label} className="timeline-note">
              <Typography.Text type="secondary">
                {note.label}
                {t('timeline.colon')}
              </Typography.Text>
              <span style={{ whiteSpace: 'pre-wrap' }}>{note.text}</span>
            </div>
          ))}
          {line.linkedCaseId !== undefined && caseLink !== undefined && (
            <Link to={caseLink(line.linkedCaseId)}>{t('timeline.openLinked')}</Link>
          )}
        </div>
      ),
    };
  }
}
