import { useCallback, useRef, useState } from 'react';
import {
  answerDirectly,
  declineContact,
  mergeIntoCase,
  newCommandId,
  recordContact,
  referContact,
  registerCase,
  type ContactActionReply,
  type ContactReceipt,
  type IntakeDraft,
  type NotAcceptedReason,
} from './desk-api';
import { emergencyServiceOf, joinReferral } from './not-accepted';
import type { RecentContact } from './recent-contacts';

/** How the call ended at the desk; a registered case goes on to dispatch. */
export interface IntakeResult {
  outcome: RecentContact['outcome'];
  caseId?: string;
  caseNumber?: string;
  position: number;
}

interface Ids {
  contactId: string;
  caseId: string;
}

const freshIds = (): Ids => ({ contactId: `desk-${newCommandId()}`, caseId: `case-${newCommandId()}` });

/**
 * One call's way through intake. The contact and case ids are chosen once per call, so pressing a
 * button again after a network error records the contact and registers the case exactly once.
 */
export function useIntakeFlow(remember: (contact: RecentContact) => void) {
  const ids = useRef<Ids>(freshIds());
  // Recorded by this desk (the receipt), or taken over from the queue of waiting contacts (true).
  const recorded = useRef<ContactReceipt | true | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [result, setResult] = useState<IntakeResult | undefined>(undefined);

  const reset = useCallback(() => {
    ids.current = freshIds();
    recorded.current = undefined;
    setError(undefined);
    setResult(undefined);
  }, []);

  const run = useCallback(
    async (
      draft: IntakeDraft,
      outcome: RecentContact['outcome'],
      act: (contactId: string, caseId: string) => Promise<ContactActionReply>,
    ): Promise<boolean> => {
      setBusy(true);
      setError(undefined);
      try {
        const { contactId, caseId } = ids.current;
        recorded.current ??= await recordContact(contactId, draft);
        const reply = await act(contactId, caseId);
        const done: IntakeResult = {
          outcome,
          position: reply.position,
          ...(reply.caseId !== undefined ? { caseId: reply.caseId } : {}),
          ...(reply.caseNumber !== undefined ? { caseNumber: reply.caseNumber } : {}),
        };
        setResult(done);
        remember({
          contactId,
          at: new Date().toISOString(),
          outcome,
          excerpt: draft.content.slice(0, 80),
          ...(draft.phone !== undefined && draft.phone !== '' ? { phone: draft.phone } : {}),
          ...(done.caseId !== undefined ? { caseId: done.caseId } : {}),
          ...(done.caseNumber !== undefined ? { caseNumber: done.caseNumber } : {}),
        });
        return true;
      } catch (failure) {
        setError(failure);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [remember],
  );

  /** Works on a contact that is already recorded (a message waiting for an agent) instead of a new call. */
  const adopt = useCallback((contactId: string) => {
    ids.current = { contactId, caseId: `case-${newCommandId()}` };
    recorded.current = true;
    setError(undefined);
    setResult(undefined);
  }, []);

  return {
    busy,
    error,
    result,
    reset,
    adopt,
    clearError: () => setError(undefined),
    register: (draft: IntakeDraft) =>
      run(draft, 'case-registered', (contactId, caseId) => registerCase(contactId, caseId, draft)),
    merge: (draft: IntakeDraft, masterCaseId: string) =>
      run(draft, 'merged-into-case', async (contactId) => ({
        ...(await mergeIntoCase(contactId, masterCaseId)),
        caseId: masterCaseId,
      })),
    answer: (draft: IntakeDraft, answer: string, articleId?: string) =>
      run(draft, 'answered-directly', (contactId, caseId) =>
        answerDirectly(contactId, caseId, draft, answer, articleId),
      ),
    notAccept: (draft: IntakeDraft, reason: NotAcceptedReason, explanation?: string, referral?: string) => {
      const service = emergencyServiceOf(reason);
      return service !== undefined
        ? run(draft, 'referred', (contactId) => referContact(contactId, service, explanation))
        : run(draft, 'not-accepted', (contactId) =>
            declineContact(contactId, reason, joinReferral(explanation, referral)),
          );
    },
  };
}
