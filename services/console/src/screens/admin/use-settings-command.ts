import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiError, newCommandId } from '../../api/http';

/**
 * Runs settings commands for one screen: busy and error state, one `commandId` per attempt (kept
 * across a retry after a failure, so the retry is applied once), and the answer's position to read
 * the GETs at (`minPosition`). A gateway error naming a form field is shown on that field too.
 */
export function useSettingsCommand() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [commandId, setCommandId] = useState(newCommandId);
  const [position, setPosition] = useState<number | undefined>(undefined);

  const run = useCallback(
    async (
      send: (commandId: string) => Promise<{ position: number }>,
      form?: { instance: FormInstance; fields: readonly string[] },
    ): Promise<number | undefined> => {
      setBusy(true);
      setError(undefined);
      try {
        const answer = await send(commandId);
        setCommandId(newCommandId());
        setPosition(answer.position);
        return answer.position;
      } catch (failure) {
        setError(failure);
        const apiError = failure instanceof ApiError ? failure : undefined;
        // Refused commands get a fresh id: the corrected input is a new command, not a retry.
        if (apiError?.status !== 0) setCommandId(newCommandId());
        const field = apiError?.field;
        if (form !== undefined && field !== undefined && form.fields.includes(field)) {
          form.instance.setFields([{ name: field, errors: [apiError?.message ?? field] }]);
        }
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [commandId],
  );

  /** A new attempt (a dialog opened again): a fresh id and no old error. */
  const reset = useCallback(() => {
    setError(undefined);
    setCommandId(newCommandId());
  }, []);

  return { busy, error, position, run, reset };
}
