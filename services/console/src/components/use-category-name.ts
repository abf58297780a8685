import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { CategoriesView, CategorySettingView } from '@hotline/contracts';
import { SAMPLE_CATEGORIES } from '@hotline/contracts/src/workflow/taxonomy/sample-taxonomy';
import { apiGet } from '../api/http';
import { useSession } from '../auth/session';
import { useLocale } from '../i18n';

/** A category as `GET /api/settings/categories` answers it (the settings contract). */
export type CityCategory = CategorySettingView;
export type CityCategoriesView = CategoriesView;

export const getCityCategories = (minPosition?: number) =>
  apiGet<CityCategoriesView>('/api/settings/categories', { minPosition });

const levelOf = (code: string): 1 | 2 | 3 => (code.endsWith('0000') ? 1 : code.endsWith('00') ? 2 : 3);

/** The sample taxonomy in the API's shape: what the console shows while loading or when the API fails. */
export const FALLBACK_CATEGORIES: readonly CityCategory[] = SAMPLE_CATEGORIES.map((c) => ({
  code: c.code,
  name: c.name,
  nameEn: c.nameEn,
  level: levelOf(c.code),
  active: true,
  source: 'base',
}));

// One copy per signed-in user for the whole session: every picker and case page shares one request.
let owner: string | undefined;
let loaded: readonly CityCategory[] | undefined;
let pending: Promise<void> | undefined;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

function load(user: string, minPosition?: number): Promise<void> {
  const request = getCityCategories(minPosition).then(
    (view) => {
      if (owner !== user) return;
      loaded = view.categories;
      notify();
    },
    () => {
      // The sample taxonomy stays in use; the next signed-in screen may try again.
      if (owner === user && pending === request) pending = undefined;
    },
  );
  pending = request;
  return request;
}

/** Reloads the city's categories after an administrator changed them (`minPosition` of the answer). */
export function refreshCityCategories(minPosition?: number): Promise<void> {
  return owner === undefined ? Promise.resolve() : load(owner, minPosition);
}

/**
 * The city's categories, retired ones included, read once per signed-in session; the sample taxonomy
 * until they arrive, when nobody is signed in (the portal) or when the request fails.
 */
export function useCityCategories(): readonly CityCategory[] {
  const { user } = useSession();
  const username = user?.username;
  useEffect(() => {
    if (username !== owner) {
      owner = username;
      loaded = undefined;
      pending = undefined;
      notify();
    }
    if (username !== undefined && loaded === undefined && pending === undefined) void load(username);
  }, [username]);
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => (username !== undefined && owner === username ? loaded : undefined),
  );
  return current ?? FALLBACK_CATEGORIES;
}

/**
 * A category code as its path of names (城乡建设 / 市政设施 / 路灯故障), in the current locale, from
 * the city's categories (retired ones too: existing cases keep them).
 */
export function useCategoryName(): (code: string | undefined) => string {
  const { locale } = useLocale();
  const categories = useCityCategories();
  const names = useMemo(
    () => new Map(categories.map((c) => [c.code, locale === 'en' ? c.nameEn : c.name])),
    [categories, locale],
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
