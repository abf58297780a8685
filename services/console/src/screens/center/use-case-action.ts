import { useCallback, useState } from 'react';
import { caseAction, newCommandId } from './center-api';

/**
 * One case action as a dialog or card sends it: busy while it runs, the error it answered, and a
 * command id that lives until `renew` (a dialog opened again is a new decision; a retried click is
 * the same one). `onDone` gets the read-after-write position.
 */
export function useCaseAction(onDone: (position: number) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [commandId, setCommandId] = useState(newCommandId);

  const send = async (caseId: string, action: string, body: Record<string, unknown>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const reply = await caseAction(caseId, action, body, commandId);
      onDone(reply.position);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const renew = useCallback(() => {
    setError(undefined);
    setCommandId(newCommandId());
  }, []);

  return { busy, error, send, renew };
}
