import { useEffect, useMemo, useState } from 'react';
import { Alert, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { CASE_KPI_KEYS, LOWER_IS_BETTER_KPIS } from '@hotline/contracts/src/reporting/kpi-keys';
import { districtPlaceName } from '@hotline/contracts/src/workflow/units/place-names';
import { ErrorAlert } from '../../components';
import { useRequest } from '../../components/use-request';
import { useUnitList } from '../../components/use-unit-name';
import { formatInstant, useLocale, useT } from '../../i18n';
import { useSettingsCommand } from '../admin/use-settings-command';
import { targetPercent } from '../reports/kpi-format';
import { getKpiTargets, setKpiTargets, type KpiTargetsView } from '../reports/reports-api';
import { kpiTargetsError, toPercents, toRatios, type PercentTable } from './kpi-targets-form';

const CITY = 'city';

/**
 * The center sets the KPIs' targets: the city's, and a district's own over them (blank: the city's).
 * The whole table is sent at once on the version it was read at, so an edit made meanwhile by someone
 * else is refused rather than overwritten.
 */
export function KpiTargetsModal({
  open,
  onDone,
  onCancel,
}: {
  open: boolean;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const command = useSettingsCommand();
  const view = useRequest(getKpiTargets, open ? 'kpi-targets' : null);
  const districts = useUnitList().filter((unit) => unit.level === 'district');
  const [scope, setScope] = useState(CITY);
  const [tables, setTables] = useState<Record<string, PercentTable>>({});
  useEffect(() => {
    if (view.data) setTables(toPercents(view.data));
  }, [view.data]);
  // Each opening reads the targets afresh (the request's key goes from null to set) with a new command id.
  const { reset } = command;
  useEffect(() => {
    if (open) {
      setScope(CITY);
      reset();
    }
  }, [open, reset]);

  const city = tables[CITY] ?? {};
  const own = tables[scope] ?? {};
  const setValue = (key: string, value: number | null) =>
    setTables((all) => ({ ...all, [scope]: { ...all[scope], [key]: value } }));
  const save = (loaded: KpiTargetsView) =>
    void command
      .run((id) => setKpiTargets({ expectedVersion: loaded.version, ...toRatios(tables) }, id))
      .then((position) => {
        if (position !== undefined) onDone();
      });
  const error = useMemo(() => kpiTargetsError(command.error, t), [command.error, t]);
  const kpiName = (key: string) => t(`reports.kpi.${key}`);

  return (
    <Modal
      open={open}
      title={t('dashboard.targets.title')}
      okText={t('dashboard.targets.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: command.busy, disabled: !view.data }}
      onOk={() => view.data && save(view.data)}
      onCancel={onCancel}
      width={640}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <ErrorAlert error={view.error ?? error} />
        <Space>
          <label htmlFor="kpi-targets-scope">{t('dashboard.targets.scope')}</label>
          <Select
            id="kpi-targets-scope"
            value={scope}
            onChange={setScope}
            style={{ width: 200 }}
            options={[
              { value: CITY, label: t('dashboard.wholeCity') },
              ...districts.map((unit) => ({ value: unit.unitId, label: districtPlaceName(unit.name) })),
            ]}
          />
        </Space>
        {scope !== CITY && <Alert type="info" showIcon title={t('dashboard.targets.districtHint')} />}
        <Table
          size="small"
          rowKey="key"
          loading={view.loading}
          pagination={false}
          scroll={{ y: 360 }}
          dataSource={CASE_KPI_KEYS.map((key) => ({ key }))}
          columns={[
            { title: t('dashboard.targets.kpi'), dataIndex: 'key', render: kpiName },
            {
              title: t('dashboard.targets.kind'),
              dataIndex: 'key',
              width: 90,
              render: (key: string) =>
                t(
                  LOWER_IS_BETTER_KPIS.includes(key as never)
                    ? 'dashboard.targets.atMost'
                    : 'dashboard.targets.atLeast',
                ),
            },
            {
              title: t('dashboard.targets.percent'),
              dataIndex: 'key',
              width: 180,
              render: (key: string) => {
                const inherited = city[key];
                return (
                  <InputNumber
                    aria-label={t('dashboard.targets.inputFor', { kpi: kpiName(key) })}
                    min={0}
                    max={100}
                    step={0.5}
                    precision={1}
                    suffix="%"
                    value={own[key] ?? null}
                    placeholder={
                      scope !== CITY && inherited != null
                        ? t('dashboard.targets.asCity', { target: targetPercent(inherited / 100) })
                        : t('dashboard.targets.none')
                    }
                    onChange={(value) => setValue(key, value)}
                    style={{ width: 160 }}
                  />
                );
              },
            },
          ]}
        />
        <Typography.Text type="secondary">{t('dashboard.targets.rule')}</Typography.Text>
        {view.data && (
          <Typography.Text type="secondary" data-testid="kpi-targets-history">
            {view.data.history.length === 0
              ? t('dashboard.targets.fromSetting')
              : view.data.history
                  .slice(0, 3)
                  .map((edit) =>
                    t('dashboard.targets.edit.line', {
                      version: edit.version,
                      who: edit.setBy.name ?? t('reports.targetSetter'),
                      when: formatInstant(edit.setAt, locale),
                    }),
                  )
                  .join('；')}
          </Typography.Text>
        )}
      </Space>
    </Modal>
  );
}
