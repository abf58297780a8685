import { ApiError } from '../../api/http';
import { WordedError } from '../../components/error-text';
import type { Translate } from '../../i18n';
import type { KpiTargetsView } from '../reports/reports-api';

/** Targets in percent as the form edits them (one decimal), by KPI; null or absent: no target. */
export type PercentTable = Record<string, number | null | undefined>;

const CITY = 'city';

/** The view's ratios as percents, the city's table under `city` and each district's under its id. */
export function toPercents(
  view: Pick<KpiTargetsView, 'targets' | 'districtTargets'>,
): Record<string, PercentTable> {
  const percents = (table: Record<string, number>): PercentTable =>
    Object.fromEntries(Object.entries(table).map(([key, ratio]) => [key, Math.round(ratio * 1000) / 10]));
  return {
    [CITY]: percents(view.targets),
    ...Object.fromEntries(
      Object.entries(view.districtTargets).map(([districtId, table]) => [districtId, percents(table)]),
    ),
  };
}

/** The form's percents as the command's ratios; blanks are left out (a district's blank: the city's). */
export function toRatios(
  tables: Record<string, PercentTable>,
): Pick<KpiTargetsView, 'targets' | 'districtTargets'> {
  const ratios = (table: PercentTable = {}): Record<string, number> =>
    Object.fromEntries(
      Object.entries(table)
        .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
        .map(([key, percent]) => [key, Math.round(percent * 10) / 1000]),
    );
  const districtTargets = Object.fromEntries(
    Object.entries(tables)
      .filter(([scope]) => scope !== CITY)
      .map(([districtId, table]) => [districtId, ratios(table)] as const)
      .filter(([, table]) => Object.keys(table).length > 0),
  );
  return { targets: ratios(tables[CITY]), districtTargets };
}

/**
 * A refusal in words that name the KPI by its name (the server's field is `targets.<kpi>` or
 * `districtTargets.<district>.<kpi>`), never by its key; other failures as they are.
 */
export function kpiTargetsError(error: unknown, t: Translate): unknown {
  if (!(error instanceof ApiError) || error.field === undefined) return error;
  const kpi = /^(?:targets|districtTargets\.[^.]+)\.([^.]+)$/.exec(error.field)?.[1];
  if (kpi === undefined) return error;
  const name = t(`reports.kpi.${kpi}`);
  const known = name !== `reports.kpi.${kpi}`;
  return new WordedError(
    known ? t('dashboard.targets.badTarget', { kpi: name }) : t('dashboard.targets.unknownKpi'),
  );
}
