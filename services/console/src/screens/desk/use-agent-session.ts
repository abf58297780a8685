import { useCallback, useState } from 'react';
import { App } from 'antd';
import { ApiError } from '../../api/http';
import { errorText } from '../../components/error-text';
import { useRequest } from '../../components/use-request';
import { useTicker } from '../../components/use-ticker';
import { useLocale, useT } from '../../i18n';
import { agentApi } from './agent-api';

/** The session refreshes every second: offers ring for seconds, and the timers count on screen. */
const REFRESH_MS = 1_000;

/**
 * The agent's session, refreshed every second, and `act` for a command: it reports a refusal in
 * the agent's language and reloads at once, so the panel never shows a state the router left.
 */
export function useAgentSession() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const round = useTicker(REFRESH_MS);
  const [busy, setBusy] = useState(false);
  const session = useRequest(() => agentApi.session(), String(round));
  const noProfile = session.error instanceof ApiError && session.error.status === 404;
  const act = useCallback(
    async (work: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      try {
        await work();
        return true;
      } catch (error) {
        void message.error(errorText(error, t, locale));
        return false;
      } finally {
        setBusy(false);
        session.reload();
      }
    },
    [message, t, locale, session],
  );
  return { session: session.data, error: session.error, noProfile, act, busy };
}
