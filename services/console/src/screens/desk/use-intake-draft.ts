import { useCallback, useEffect, useRef, useState } from 'react';
import { Modal, type FormInstance } from 'antd';
import { useT } from '../../i18n';
import { draftKey, parseDraft, serializeDraft, worthKeeping, type SavedDraft } from './intake-draft';
import type { IntakeFormValues } from './intake-form-fields';

const read = (key: string): string | null => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
const write = (key: string, value: string | null): void => {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage blocked or full: the draft lives in the form only, as before.
  }
};

/**
 * Keeps the desk's half-typed record in the browser (per agent) until it is registered or discarded:
 * restored after a reload or a crash, and the browser asks before a reload (F5) or closing the tab
 * would lose it. `watched` is the form's current values; `restore` is false for a message taken
 * from the waiting queue, which starts from its own contact; once `done` (a case, an answer, a
 * refusal), the draft has served and is dropped.
 */
export function useIntakeDraft(
  form: FormInstance<IntakeFormValues>,
  userId: string,
  watched: Partial<IntakeFormValues> | undefined,
  { restore, done }: { restore: boolean; done: boolean },
) {
  const t = useT();
  const key = draftKey(userId);
  const [modal, dialogs] = Modal.useModal();
  const [restored, setRestored] = useState<SavedDraft | undefined>(undefined);
  const dirty = useRef(false);
  dirty.current = !done && worthKeeping(watched);

  useEffect(() => {
    if (!restore) return;
    const saved = parseDraft(read(key));
    if (saved === undefined) return;
    form.setFieldsValue(saved.values);
    setRestored(saved);
  }, [key, restore, form]);

  useEffect(() => {
    if (watched === undefined || done) return;
    const timer = setTimeout(() => {
      write(key, worthKeeping(watched) ? serializeDraft(watched, new Date()) : null);
    }, 400);
    return () => clearTimeout(timer);
  }, [key, watched, done]);

  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  }, []);

  /** The record was registered (or answered, declined, merged), or the agent discarded it. */
  const clear = useCallback(() => {
    write(key, null);
    dirty.current = false;
    setRestored(undefined);
  }, [key]);

  useEffect(() => {
    if (done) clear();
  }, [done, clear]);

  /** Asks before a new call wipes a half-typed record (Alt+N or the button). */
  const confirmDiscard = useCallback(
    (onDiscard: () => void) =>
      void modal.confirm({
        title: t('desk.draft.discardTitle'),
        content: t('desk.draft.discardBody'),
        okText: t('desk.draft.discard'),
        okButtonProps: { danger: true },
        cancelText: t('desk.draft.keep'),
        onOk: onDiscard,
      }),
    [modal, t],
  );

  return { restored, clear, isDirty: () => dirty.current, confirmDiscard, dialogs };
}
