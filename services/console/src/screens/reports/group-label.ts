import { useCallback } from 'react';
import { useCategoryName } from '../../components/use-category-name';
import { useUnitName } from '../../components/use-unit-name';
import { useT } from '../../i18n';

/** The name of a report row's key for its grouping: a unit's or category's name, never an id. */
export function useGroupLabel(groupBy: string | null): (key: string) => string {
  const t = useT();
  const unitName = useUnitName();
  const categoryName = useCategoryName();
  return useCallback(
    (key: string) => {
      if (key === '-') return t('reports.center');
      switch (groupBy ?? 'none') {
        case 'unit':
        case 'district':
          return unitName(key);
        case 'category':
          return categoryName(key);
        case 'type':
          return t(`type.${key}`);
        case 'channel':
          return t(`channel.${key}`);
        default:
          return key;
      }
    },
    [groupBy, t, unitName, categoryName],
  );
}
