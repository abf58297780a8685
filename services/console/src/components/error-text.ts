import { ApiError } from '../api/http';
import type { Locale, Translate } from '../i18n';

const translated = (t: Translate, key: string): string | undefined => {
  const text = t(key);
  return text === key ? undefined : text;
};

/** A failure a screen has already put in the reader's words (the portal's "case not found"). */
export class WordedError extends Error {}

/**
 * A failed request in the reader's words: the error code's sentence when the console knows the code,
 * else a sentence for the HTTP status. In English the server's own message may stand in; in Chinese
 * never, so no English server text reaches a Chinese screen.
 */
export function errorText(error: unknown, t: Translate, locale: Locale): string {
  if (error instanceof WordedError) return error.message;
  if (!(error instanceof ApiError)) {
    return locale === 'en' && error instanceof Error ? error.message : t('error.unknown');
  }
  if (error.status === 0) return t('error.network');
  return (
    translated(t, `error.${error.code}`) ??
    (locale === 'en' && error.message !== '' ? error.message : undefined) ??
    translated(t, `error.http.${error.status}`) ??
    t('error.unknown')
  );
}
