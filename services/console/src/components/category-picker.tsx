import { useMemo } from 'react';
import { Cascader } from 'antd';
import type { CategoryEntryInput } from '@hotline/contracts';
import { SAMPLE_CATEGORIES } from '@hotline/contracts/src/workflow/taxonomy/sample-taxonomy';
import { useLocale } from '../i18n';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

function optionsOf(entries: readonly CategoryEntryInput[], english: boolean): Option[] {
  const byParent = new Map<string, Option[]>();
  const roots: Option[] = [];
  for (const entry of entries) {
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
  /** The city's taxonomy; the sample taxonomy of the contracts until the gateway serves one. */
  categories?: readonly CategoryEntryInput[];
  'aria-label'?: string;
}

/** A 3-level category picker (GB/T 39666 codes); any level may be chosen, search by name. */
export function CategoryPicker({ id, value, onChange, categories, ...rest }: CategoryPickerProps) {
  const { locale } = useLocale();
  const options = useMemo(
    () => optionsOf(categories ?? SAMPLE_CATEGORIES, locale === 'en'),
    [categories, locale],
  );
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
