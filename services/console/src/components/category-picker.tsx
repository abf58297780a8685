import { useMemo } from 'react';
import { Cascader } from 'antd';
import { useLocale } from '../i18n';
import { type CityCategory, useCityCategories } from './use-category-name';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

/** The tree of active categories; a retired category takes its sub-categories out with it. */
function optionsOf(entries: readonly CityCategory[], english: boolean): Option[] {
  const byParent = new Map<string, Option[]>();
  const roots: Option[] = [];
  for (const entry of entries) {
    if (!entry.active) continue;
    const option: Option = { value: entry.code, label: english ? entry.nameEn : entry.name };
    const code = entry.code;
    const parent = code.endsWith('0000')
      ? undefined
      : code.endsWith('00')
        ? `${code.slice(0, 2)}0000`
        : `${code.slice(0, 4)}00`;
    if (parent === undefined) roots.push(option);
    else byParent.set(parent, [...(byParent.get(parent) ?? []), option]);
  }
  const attach = (options: Option[]): Option[] =>
    options.map((option) => {
      const children = byParent.get(option.value);
      return children !== undefined ? { ...option, children: attach(children) } : option;
    });
  return attach(roots);
}

export interface CategoryPickerProps {
  id?: string;
  /** The chosen code (any level); `onChange` receives the deepest code picked. */
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Categories to offer instead of the city's (retired ones are left out either way). */
  categories?: readonly CityCategory[];
  'aria-label'?: string;
}

/**
 * A 3-level category picker (GB/T 39666 codes) over the city's active categories; any level may be
 * chosen, search by name. No new case goes into a retired category, so the picker does not offer one.
 */
export function CategoryPicker({ id, value, onChange, categories, ...rest }: CategoryPickerProps) {
  const { locale } = useLocale();
  const city = useCityCategories();
  const entries = categories ?? city;
  const options = useMemo(() => optionsOf(entries, locale === 'en'), [entries, locale]);
  const path =
    value === undefined
      ? undefined
      : [`${value.slice(0, 2)}0000`, `${value.slice(0, 4)}00`, value].filter(
          (code, index, all) => all.indexOf(code) === index,
        );
  return (
    <Cascader
      id={id}
      aria-label={rest['aria-label']}
      options={options}
      value={path}
      changeOnSelect
      showSearch
      onChange={(codes) => onChange?.(codes === undefined ? undefined : codes.at(-1))}
    />
  );
}
