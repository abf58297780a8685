import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { format, type TranslateVars } from './format';
import { mergeMessages } from './messages';
import { LOCALES, type Locale } from './messages/messages.types';

export type { Locale } from './messages/messages.types';
export type Translate = (key: string, vars?: TranslateVars) => string;

const STORAGE_KEY = 'hotline.locale';

/** The hotline red, and secondary texts dark enough for WCAG AA contrast on grey backgrounds. */
const THEME = {
  token: {
    colorPrimary: '#c8102e',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
  },
};

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const LocaleContext = createContext<LocaleState | null>(null);

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved !== null && (LOCALES as readonly string[]).includes(saved)) return saved as Locale;
  } catch {
    // Storage may be blocked (private mode); the default locale is zh-CN.
  }
  return 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const messages = useMemo(() => mergeMessages(locale), [locale]);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still holds for this page.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
  const t = useCallback<Translate>((key, vars) => format(messages[key] ?? key, vars), [messages]);
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider locale={locale === 'zh-CN' ? zhCN : enUS} theme={THEME}>
        {children}
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}

function useLocaleState(): LocaleState {
  const state = useContext(LocaleContext);
  if (state === null) throw new Error('useT/useLocale need <I18nProvider>');
  return state;
}

export function useT(): Translate {
  return useLocaleState().t;
}

export function useLocale(): { locale: Locale; setLocale: (locale: Locale) => void } {
  const { locale, setLocale } = useLocaleState();
  return { locale, setLocale };
}
