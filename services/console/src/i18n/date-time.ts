import type { Locale } from './messages/messages.types';

/**
 * The city's time zone: every instant on a screen is shown in it, whatever the browser's zone, so an
 * agent, a unit and a citizen abroad read the same deadline. The working calendar is China's.
 */
export const CITY_TIME_ZONE = 'Asia/Shanghai';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, kind: 'dateTime' | 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let format = formats.get(key);
  if (format === undefined) {
    const parts: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { year: 'numeric', month: '2-digit', day: '2-digit' }
        : kind === 'time'
          ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
          : {
              year: 'numeric',
              month: '2-digit',
              day: '2-digit',
              hour: '2-digit',
              minute: '2-digit',
              hourCycle: 'h23',
            };
    format = new Intl.DateTimeFormat(locale, { ...parts, timeZone: CITY_TIME_ZONE });
    formats.set(key, format);
  }
  return format;
}

/** An instant (ISO string) as the reader reads it, in the city's zone; '—' when absent or unreadable. */
export function formatInstant(
  at: string | undefined | null,
  locale: Locale,
  kind: 'dateTime' | 'date' | 'time' = 'dateTime',
): string {
  if (at === undefined || at === null || at === '') return '—';
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '—';
  return formatter(locale, kind).format(date);
}
