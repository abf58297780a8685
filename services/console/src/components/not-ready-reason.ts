import type { Translate } from '../i18n';

/**
 * A not-ready reason in words: the desk's reason codes (`agent.reason.*`, also the router's
 * `missed-offers`) are translated; a supervisor's typed reason is shown as typed.
 */
export function notReadyReasonText(reason: string, t: Translate): string {
  const key = `agent.reason.${reason}`;
  const text = t(key);
  return text === key ? reason : text;
}
