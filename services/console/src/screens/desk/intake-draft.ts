import type { IntakeFormValues } from './intake-form-fields';

/** A half-typed record kept in the browser until it is registered or discarded. */
export interface SavedDraft {
  values: Partial<Omit<IntakeFormValues, 'files'>>;
  savedAt: string;
}

/** Drafts are per agent, so a shared workstation never shows one agent's caller to the next. */
export const draftKey = (userId: string): string => `hotline.desk.draft.${userId}`;

/** Whether the form holds anything an agent would lose: the matter, who called, or where. */
export function worthKeeping(values: Partial<IntakeFormValues> | undefined): boolean {
  if (values === undefined) return false;
  return [values.content, values.name, values.phone, values.address].some(
    (value) => typeof value === 'string' && value.trim() !== '',
  );
}

export function serializeDraft(values: Partial<IntakeFormValues>, now: Date): string {
  // Uploaded files are not kept: their upload tokens are short-lived; the agent attaches them again.
  const { files: _files, ...rest } = values;
  return JSON.stringify({ values: rest, savedAt: now.toISOString() } satisfies SavedDraft);
}

/** The saved draft, or undefined when there is none or it cannot be read. */
export function parseDraft(text: string | null): SavedDraft | undefined {
  if (text === null) return undefined;
  try {
    const parsed = JSON.parse(text) as Partial<SavedDraft>;
    if (typeof parsed.savedAt !== 'string' || typeof parsed.values !== 'object' || parsed.values === null) {
      return undefined;
    }
    return worthKeeping(parsed.values) ? (parsed as SavedDraft) : undefined;
  } catch {
    return undefined;
  }
}
