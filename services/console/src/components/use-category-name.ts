import { useCallback, useMemo } from 'react';
import { SAMPLE_CATEGORIES } from '@hotline/contracts/src/workflow/taxonomy/sample-taxonomy';
import { useLocale } from '../i18n';

/**
 * A category code as its path of names (城乡建设 / 市政设施 / 路灯故障), in the current locale; the
 * sample taxonomy, as the category picker uses, until the gateway serves the city's own.
 */
export function useCategoryName(): (code: string | undefined) => string {
  const { locale } = useLocale();
  const names = useMemo(
    () => new Map(SAMPLE_CATEGORIES.map((c) => [c.code, locale === 'en' ? c.nameEn : c.name])),
    [locale],
  );
  return useCallback(
    (code) => {
      if (code === undefined) return '—';
      const path = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code]
        .filter((c, i, all) => all.indexOf(c) === i)
        .map((c) => names.get(c))
        .filter((name): name is string => name !== undefined);
      return path.length > 0 ? path.join(' / ') : code;
    },
    [names],
  );
}
