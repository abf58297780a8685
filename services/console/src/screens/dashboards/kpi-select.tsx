import { Select } from 'antd';
import { useT } from '../../i18n';

/** A small picker of one KPI by its name (the district grid's colour, the trend's line). */
export function KpiSelect({
  kpis,
  value,
  onChange,
  label,
}: {
  kpis: readonly string[];
  value: string;
  onChange: (key: string) => void;
  /** What the choice is for, as the picker's accessible name. */
  label: string;
}) {
  const t = useT();
  return (
    <Select
      size="small"
      aria-label={label}
      value={value}
      onChange={onChange}
      style={{ width: 140 }}
      options={kpis.map((key) => ({ value: key, label: t(`reports.kpi.${key}`) }))}
    />
  );
}
