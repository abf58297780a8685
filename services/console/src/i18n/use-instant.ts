import { useCallback } from 'react';
import { formatInstant } from './date-time';
import { useLocale } from './i18n';

/** Formats instants in the reader's language and the city's zone. */
export function useInstant(): (at: string | undefined | null, kind?: 'dateTime' | 'date' | 'time') => string {
  const { locale } = useLocale();
  return useCallback((at, kind = 'dateTime') => formatInstant(at, locale, kind), [locale]);
}
