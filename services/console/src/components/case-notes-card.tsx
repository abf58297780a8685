import { Alert, Space } from 'antd';
import type { CaseTimelineEntry } from '@hotline/contracts';
import { useT } from '../i18n';
import { caseNotes, type CaseNoteKind } from './case-notes';
import { actorLabel } from './timeline-text';
import { useTimelineWords } from './use-timeline-words';

const TONE: Record<CaseNoteKind, 'info' | 'warning' | 'error'> = {
  instruction: 'warning',
  report: 'info',
  sentBack: 'error',
  extensionReason: 'warning',
  extensionDecision: 'info',
  returned: 'warning',
  dispatch: 'info',
};

/**
 * The notes standing on a case, where the next role acts: the dispatch note for the unit, why a
 * reply came back, the unit's reason for an extension for the center, a leader's instruction for
 * everyone. Nothing when there is none.
 */
export function CaseNotesCard({
  entries,
  only,
}: {
  entries: readonly CaseTimelineEntry[] | undefined;
  /** The kinds this screen shows; all when absent. */
  only?: readonly CaseNoteKind[];
}) {
  const t = useT();
  const words = useTimelineWords();
  const notes = caseNotes(entries ?? []).filter((note) => only === undefined || only.includes(note.kind));
  if (notes.length === 0) return null;
  return (
    <section aria-label={t('notes.title')} style={{ marginBottom: 16 }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {notes.map((note) => (
          <Alert
            key={`${note.kind}:${note.entry.eventId}`}
            type={TONE[note.kind]}
            showIcon
            data-testid={`case-note-${note.kind}`}
            title={t(`notes.${note.kind}`)}
            description={
              <>
                <div style={{ whiteSpace: 'pre-wrap' }}>{note.text}</div>
                <div className="secondary-text">
                  {t('notes.by', {
                    who: actorLabel(note.entry.actor, words),
                    at: words.instant(note.entry.at),
                  })}
                </div>
              </>
            }
          />
        ))}
      </Space>
    </section>
  );
}
