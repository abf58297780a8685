import { useCallback, useState } from 'react';
import { App } from 'antd';
import { newCommandId } from '../../api/http';
import { errorText } from '../../components/error-text';
import { useLocale, useT } from '../../i18n';

/**
 * Runs one poll command with a command id kept until it succeeds (a retry after a lost answer is
 * the same command), says what happened in words, and hands the written position on.
 */
export function usePollAction() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <R extends { position?: number }>(
      send: (commandId: string) => Promise<R>,
      done?: string,
    ): Promise<R | undefined> => {
      setBusy(true);
      try {
        const reply = await send(newCommandId());
        if (done !== undefined) void message.success(done);
        return reply;
      } catch (failure) {
        void message.error(errorText(failure, t, locale));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [message, t, locale],
  );
  return { run, busy };
}
