export { I18nProvider, useLocale, useT, type Locale, type Translate } from './i18n';
export { format } from './format';
