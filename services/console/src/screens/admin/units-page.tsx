import { useMemo, useState } from 'react';
import { Button, Card, Col, Descriptions, Row, Space, Table, Tag, Tree, type TreeDataNode } from 'antd';
import { useSession } from '../../auth/session';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { CardTitle } from '../../components/text-parts';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import { listUnits, type UnitView } from './admin-api';
import { UnitDialogs, type UnitDialog } from './unit-dialogs';

function treeOf(units: UnitView[], inactiveLabel: string): TreeDataNode[] {
  const children = new Map<string | undefined, UnitView[]>();
  const ids = new Set(units.map((u) => u.unitId));
  for (const unit of units) {
    const parent = unit.parentId !== undefined && ids.has(unit.parentId) ? unit.parentId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const build = (parent: string | undefined): TreeDataNode[] =>
    (children.get(parent) ?? []).map((unit) => ({
      key: unit.unitId,
      title: unit.active ? unit.name : `${unit.name}（${inactiveLabel}）`,
      children: build(unit.unitId),
    }));
  return build(undefined);
}

/** The units hierarchy (city → district → street → community) with contacts, registration, deactivation. */
export function UnitsPage() {
  const t = useT();
  const { user } = useSession();
  const canEdit = user?.role === 'city-admin';
  const [minPosition, setMinPosition] = useState<number | undefined>(undefined);
  const units = useRequest(() => listUnits(minPosition), `units:${minPosition ?? 0}`);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [dialog, setDialog] = useState<UnitDialog | undefined>(undefined);
  const tree = useMemo(() => treeOf(units.data ?? [], t('admin.units.inactive')), [units.data, t]);
  const unit = units.data?.find((u) => u.unitId === selected);
  const parentName = unit?.parentId ? units.data?.find((u) => u.unitId === unit.parentId)?.name : undefined;

  return (
    <>
      <PageHeader
        title={t('admin.units.title')}
        extra={
          canEdit ? (
            <Button onClick={() => setDialog({ kind: 'register' })}>{t('admin.units.registerTop')}</Button>
          ) : undefined
        }
      />
      <ErrorAlert error={units.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Card
            size="small"
            title={<CardTitle>{t('admin.units.tree')}</CardTitle>}
            loading={units.loading && units.data === undefined}
          >
            {tree.length === 0 ? (
              <EmptyState />
            ) : (
              <Tree
                treeData={tree}
                defaultExpandAll
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => setSelected(keys[0] as string | undefined)}
                aria-label={t('admin.units.tree')}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Card size="small" title={<CardTitle>{unit?.name ?? t('admin.units.details')}</CardTitle>}>
            {unit === undefined ? (
              <EmptyState description={t('admin.units.pick')} />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Descriptions size="small" column={1} bordered>
                  <Descriptions.Item label={t('admin.units.unitId')}>{unit.unitId}</Descriptions.Item>
                  <Descriptions.Item label={t('admin.units.level')}>
                    {t(`admin.level.${unit.level}`)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('admin.units.parentLabel')}>
                    {parentName ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('admin.units.state')}>
                    <Space>
                      {unit.active ? (
                        <Tag color="success">{t('admin.units.active')}</Tag>
                      ) : (
                        <Tag>{t('admin.units.inactive')}</Tag>
                      )}
                      {unit.fallback && <Tag color="orange">{t('admin.units.fallbackTag')}</Tag>}
                    </Space>
                  </Descriptions.Item>
                </Descriptions>
                <Table
                  size="small"
                  rowKey={(c) => `${c.role}:${c.phone}`}
                  pagination={false}
                  dataSource={unit.contacts}
                  locale={{ emptyText: <EmptyState description={t('admin.contacts.none')} /> }}
                  columns={[
                    {
                      title: t('admin.contacts.role'),
                      dataIndex: 'role',
                      render: (r: string) => t(`admin.contacts.${r}`),
                    },
                    { title: t('admin.contacts.name'), dataIndex: 'name' },
                    { title: t('admin.contacts.phone'), dataIndex: 'phone' },
                    {
                      title: t('admin.contacts.email'),
                      dataIndex: 'email',
                      render: (e?: string) => e ?? '—',
                    },
                  ]}
                />
                {canEdit && unit.active && (
                  <Space wrap>
                    <Button onClick={() => setDialog({ kind: 'contacts', unit })}>
                      {t('admin.units.contacts')}
                    </Button>
                    {unit.level !== 'community' && (
                      <Button onClick={() => setDialog({ kind: 'register', parent: unit })}>
                        {t('admin.units.registerChild')}
                      </Button>
                    )}
                    <Button danger onClick={() => setDialog({ kind: 'deactivate', unit })}>
                      {t('admin.units.deactivate')}
                    </Button>
                  </Space>
                )}
              </Space>
            )}
          </Card>
        </Col>
      </Row>
      <UnitDialogs
        dialog={dialog}
        onCancel={() => setDialog(undefined)}
        onDone={(position) => {
          setDialog(undefined);
          setMinPosition(position);
        }}
      />
    </>
  );
}
