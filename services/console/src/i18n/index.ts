export { I18nProvider, useLocale, useT, type Locale, type Translate } from './i18n';
export { format } from './format';
export { CITY_TIME_ZONE, formatInstant } from './date-time';
export { useInstant } from './use-instant';
