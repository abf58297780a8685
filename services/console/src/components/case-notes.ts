import type { CaseTimelineEntry } from '@hotline/contracts';

export type CaseNoteKind =
  'instruction' | 'report' | 'sentBack' | 'extensionReason' | 'extensionDecision' | 'returned' | 'dispatch';

export interface CaseNote {
  kind: CaseNoteKind;
  entry: CaseTimelineEntry;
  text: string;
}

const DISPATCHES = new Set([
  'CaseDispatched',
  'CaseRedispatched',
  'CaseDispatchedToFallbackUnit',
  'CaseRedone',
]);

const noteOf = (entry: CaseTimelineEntry | undefined): string | undefined => {
  const note = entry?.details?.note;
  return note !== undefined && note.trim() !== '' ? note : undefined;
};

/** The last entry of one of `types`, unless an entry of one of `until` came after it. */
function latestStanding(
  entries: readonly CaseTimelineEntry[],
  types: ReadonlySet<string>,
  until: ReadonlySet<string>,
): CaseTimelineEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as CaseTimelineEntry;
    if (types.has(entry.type)) return entry;
    if (until.has(entry.type)) return undefined;
  }
  return undefined;
}

/**
 * The notes the next role acts on, from a case's timeline (oldest first): what leaders wrote and
 * were told, why a reply came back, why a unit wants more time and what the center decided, why a
 * unit returned the case, and the note of the dispatch in force. A note still standing is shown;
 * one the case has moved past (a reply after a send-back, a new dispatch) is left to the timeline.
 */
export function caseNotes(entries: readonly CaseTimelineEntry[]): CaseNote[] {
  const notes: CaseNote[] = [];
  const add = (kind: CaseNoteKind, entry: CaseTimelineEntry | undefined) => {
    const text = noteOf(entry);
    if (entry !== undefined && text !== undefined) notes.push({ kind, entry, text });
  };
  for (const entry of entries) {
    if (entry.type === 'CaseLeaderInstructionRecorded') add('instruction', entry);
  }
  for (const entry of entries) {
    if (entry.type === 'CaseReportedToLeader') add('report', entry);
  }
  add('sentBack', latestStanding(entries, new Set(['CaseReplySentBack']), new Set(['CaseReplied'])));
  const request = latestStanding(
    entries,
    new Set(['CaseExtensionRequested']),
    new Set(['CaseExtensionApproved', 'CaseExtensionRejected']),
  );
  add('extensionReason', request);
  if (request === undefined) {
    add(
      'extensionDecision',
      latestStanding(entries, new Set(['CaseExtensionApproved', 'CaseExtensionRejected']), DISPATCHES),
    );
  }
  add('returned', latestStanding(entries, new Set(['CaseReturned']), DISPATCHES));
  add('dispatch', latestStanding(entries, DISPATCHES, new Set()));
  return notes;
}
