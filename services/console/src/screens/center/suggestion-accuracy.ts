import type { SuggestionAccuracy, SuggestionRate } from '@hotline/contracts';
import { apiGet } from '../../api/http';
import { formatInstant, type Locale } from '../../i18n';

export type { SuggestionAccuracy };

export const getSuggestionAccuracy = (weeks = 12): Promise<SuggestionAccuracy> =>
  apiGet<SuggestionAccuracy>('/api/intake/suggestion-accuracy', { weeks: String(weeks) });

/** "83.4 %" (one decimal), or "—" when nothing could be judged. */
export const ratePercent = (rate: SuggestionRate): string =>
  rate.of === 0 ? '—' : `${((rate.right / rate.of) * 100).toFixed(1)} %`;

/** The week from its Monday to its Sunday, as dates in the reader's locale (never a bare ISO date). */
export function weekRange(weekStart: string, locale: Locale): string {
  const monday = `${weekStart}T12:00:00+08:00`;
  const sunday = new Date(Date.parse(monday) + 6 * 86_400_000).toISOString();
  return `${formatInstant(monday, locale, 'date')} – ${formatInstant(sunday, locale, 'date')}`;
}
