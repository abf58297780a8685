export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** One area's texts: the same keys in both locales (the i18n spec checks it). */
export type AreaMessages = Record<Locale, Record<string, string>>;
