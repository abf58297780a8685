import { useMemo, useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Table, Typography } from 'antd';
import type { DispatchCatalogueEntryView } from '@hotline/contracts';
import { useSession } from '../../auth/session';
import { CategoryPicker, EmptyState, ErrorAlert, PageHeader } from '../../components';
import { FieldLabel } from '../../components/text-parts';
import { useCategoryName } from '../../components/use-category-name';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import { catalogueApi, getCatalogue, listUnits, newCommandId } from './admin-api';

interface EntryValues {
  categoryCode: string;
  districtId?: string;
  unitId: string;
}

/**
 * The dispatch catalogue (派单目录): which unit handles a category, city-wide or in one district.
 * Every change makes a new catalogue version; each entry shows the version that set it.
 */
export function CataloguePage() {
  const t = useT();
  const { message } = App.useApp();
  const { user } = useSession();
  const canEdit = user?.role === 'city-admin';
  const categoryName = useCategoryName();
  const [minPosition, setMinPosition] = useState<number | undefined>(undefined);
  const catalogue = useRequest(() => getCatalogue(minPosition), `catalogue:${minPosition ?? 0}`);
  const units = useRequest(() => listUnits(), 'units');
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [commandId, setCommandId] = useState(newCommandId);
  const [form] = Form.useForm<EntryValues>();
  const unitNames = useMemo(() => new Map((units.data ?? []).map((u) => [u.unitId, u.name])), [units.data]);
  const districts = (units.data ?? []).filter((u) => u.level === 'district');
  const entries = useMemo(() => {
    const words = filter.trim();
    const all = catalogue.data?.entries ?? [];
    if (words === '') return all;
    return all.filter((e) =>
      [
        e.categoryCode,
        categoryName(e.categoryCode),
        unitNames.get(e.unitId) ?? e.unitId,
        e.districtId ?? '',
      ].some((v) => v.includes(words)),
    );
  }, [catalogue.data, filter, categoryName, unitNames]);

  const run = async (send: () => Promise<{ position: number }>) => {
    setBusy(true);
    setError(undefined);
    try {
      const reply = await send();
      setMinPosition(reply.position);
      setCommandId(newCommandId());
      void message.success(t('admin.catalogue.saved'));
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const save = (values: EntryValues) =>
    void run(() =>
      catalogueApi.set(
        {
          categoryCode: values.categoryCode,
          unitId: values.unitId,
          ...(values.districtId ? { districtId: values.districtId } : {}),
        },
        commandId,
      ),
    ).then((ok) => ok && setEditing(false));

  const remove = (entry: DispatchCatalogueEntryView) =>
    void run(() =>
      catalogueApi.remove(
        { categoryCode: entry.categoryCode, ...(entry.districtId ? { districtId: entry.districtId } : {}) },
        newCommandId(),
      ),
    );

  return (
    <>
      <PageHeader
        title={t('admin.catalogue.title')}
        subTitle={
          catalogue.data
            ? t('admin.catalogue.version', {
                version: catalogue.data.version,
                count: catalogue.data.entries.length,
              })
            : undefined
        }
        extra={
          canEdit ? (
            <Button
              type="primary"
              onClick={() => {
                form.resetFields();
                setError(undefined);
                setEditing(true);
              }}
            >
              {t('admin.catalogue.add')}
            </Button>
          ) : undefined
        }
      />
      <ErrorAlert error={catalogue.error ?? (editing ? undefined : error)} />
      <div style={{ maxWidth: 360, marginBottom: 12 }}>
        <FieldLabel htmlFor="catalogue-filter">{t('admin.catalogue.filter')}</FieldLabel>
        <Input id="catalogue-filter" allowClear value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <Table<DispatchCatalogueEntryView>
        size="small"
        rowKey={(e) => `${e.categoryCode}:${e.districtId ?? ''}`}
        loading={catalogue.loading}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        dataSource={entries}
        locale={{ emptyText: <EmptyState description={t('admin.catalogue.none')} /> }}
        columns={[
          {
            title: t('case.category'),
            dataIndex: 'categoryCode',
            render: (code: string) => (
              <>
                {categoryName(code)} <Typography.Text type="secondary">{code}</Typography.Text>
              </>
            ),
          },
          {
            title: t('admin.catalogue.district'),
            dataIndex: 'districtId',
            render: (id?: string) => (id ? (unitNames.get(id) ?? id) : t('admin.catalogue.cityWide')),
          },
          { title: t('case.unit'), dataIndex: 'unitId', render: (id: string) => unitNames.get(id) ?? id },
          { title: t('admin.catalogue.since'), dataIndex: 'since', render: (v: number) => `v${v}` },
          ...(canEdit
            ? [
                {
                  title: t('case.actions'),
                  render: (_: unknown, entry: DispatchCatalogueEntryView) => (
                    <Popconfirm
                      title={t('admin.catalogue.removeConfirm')}
                      okText={t('admin.catalogue.remove')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove(entry)}
                    >
                      <Button
                        size="small"
                        danger
                        aria-label={t('admin.catalogue.removeFor', {
                          category: categoryName(entry.categoryCode),
                        })}
                      >
                        {t('admin.catalogue.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing}
        title={t('admin.catalogue.add')}
        okText={t('admin.catalogue.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: busy }}
        onOk={() => form.submit()}
        onCancel={() => setEditing(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item
            name="categoryCode"
            label={t('case.category')}
            extra={t('admin.catalogue.categoryHint')}
            rules={[{ required: true, message: t('center.action.required') }]}
          >
            <CategoryPicker />
          </Form.Item>
          <Form.Item
            name="districtId"
            label={t('admin.catalogue.district')}
            extra={t('admin.catalogue.districtHint')}
          >
            <Select allowClear options={districts.map((d) => ({ value: d.unitId, label: d.name }))} />
          </Form.Item>
          <Form.Item
            name="unitId"
            label={t('case.unit')}
            rules={[{ required: true, message: t('center.action.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(units.data ?? [])
                .filter((u) => u.active)
                .map((u) => ({ value: u.unitId, label: u.name }))}
            />
          </Form.Item>
          <ErrorAlert error={error} />
        </Form>
      </Modal>
    </>
  );
}
