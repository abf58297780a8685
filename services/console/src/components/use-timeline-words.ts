import { useMemo } from 'react';
import { useInstant, useT } from '../i18n';
import type { TimelineWords } from './timeline-text';
import { useCategoryName } from './use-category-name';
import { useUnitName } from './use-unit-name';

/** The words a timeline line is made of, in the reader's language: names, not ids; the city's time. */
export function useTimelineWords(): TimelineWords {
  const t = useT();
  const unitName = useUnitName();
  const categoryName = useCategoryName();
  const instant = useInstant();
  return useMemo(
    () => ({ t, unitName, categoryName, instant: (at: string | undefined) => instant(at) }),
    [t, unitName, categoryName, instant],
  );
}
