import type { CaseAuditEntry } from '@hotline/contracts';
import { timelineLine, type TimelineWords } from '../../components/timeline-text';

/** The case event types the audit trail can be filtered by, in the order of the closed loop. */
export const AUDIT_EVENT_TYPES = [
  'CaseRegistered',
  'CaseAnsweredAtIntake',
  'CaseDeclined',
  'CaseMerged',
  'CaseDispatched',
  'CaseRedispatched',
  'CaseDispatchedToFallbackUnit',
  'CaseSubDispatched',
  'CaseSigned',
  'CaseReturned',
  'CaseExtensionRequested',
  'CaseExtensionApproved',
  'CaseExtensionRejected',
  'CaseReplied',
  'CaseReplySentBack',
  'CaseCompleted',
  'CaseCallbackRecorded',
  'CaseRedone',
  'CaseClosed',
  'CaseReportedToLeader',
  'CaseLeaderInstructionRecorded',
  'CaseRepeatContactRecorded',
] as const;

const cell = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The audit trail as CSV in the reader's language (time in the city's zone, who, role, action, case
 * number, what, notes), with a byte-order mark so that spreadsheet programs read the Chinese right.
 */
export function auditCsv(entries: readonly CaseAuditEntry[], words: TimelineWords): string {
  const { t } = words;
  const header = ['time', 'who', 'action', 'caseNumber', 'what', 'notes'].map((k) =>
    t(`admin.audit.column.${k}`),
  );
  const rows = entries.map((entry) => {
    const line = timelineLine(entry, words);
    return [
      words.instant(entry.at),
      line.who,
      line.title,
      entry.caseNumber ?? '',
      line.text,
      line.notes.map((note) => `${note.label}${t('timeline.colon')}${note.text}`).join('\n'),
    ];
  });
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
