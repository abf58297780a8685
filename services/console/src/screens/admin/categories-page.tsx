import { useMemo, useState } from 'react';
import { App, Button, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { CheckCircleOutlined, StopOutlined } from '@ant-design/icons';
import { useSession } from '../../auth/session';
import { ErrorAlert, PageHeader } from '../../components';
import { FieldLabel } from '../../components/text-parts';
import { useRequest } from '../../components/use-request';
import { useLocale, useT } from '../../i18n';
import { CategoryDialog, type CategoryDialogState } from './category-dialog';
import { type CityCategory, getCityCategories, refreshCityCategories, settingsApi } from './settings-api';
import { useSettingsCommand } from './use-settings-command';

type Row = CityCategory & { children?: Row[] };

const parentOf = (c: CityCategory): string | undefined =>
  c.parentCode ??
  (c.level === 1 ? undefined : c.level === 2 ? `${c.code.slice(0, 2)}0000` : `${c.code.slice(0, 4)}00`);

function treeOf(categories: readonly CityCategory[], words: string): Row[] {
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const shown = new Set<string>();
  for (const c of categories) {
    if (words !== '' && !`${c.code} ${c.name} ${c.nameEn}`.toLowerCase().includes(words)) continue;
    // A match keeps its ancestors, so it is shown in its place in the tree.
    for (let at: CityCategory | undefined = c; at !== undefined;) {
      shown.add(at.code);
      const parent = parentOf(at);
      at = parent === undefined ? undefined : byCode.get(parent);
    }
  }
  const build = (parent: string | undefined): Row[] =>
    categories
      .filter((c) => parentOf(c) === parent && shown.has(c.code))
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((c) => {
        const children = build(c.code);
        return children.length > 0 ? { ...c, children } : { ...c };
      });
  return build(undefined);
}

/**
 * The city's 3-level category taxonomy (GB/T 39666 style codes): the configured base with the city's
 * own additions, renames and retirements. City administrators change it; the other roles read it.
 */
export function CategoriesPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { user } = useSession();
  const canEdit = user?.role === 'city-admin';
  const command = useSettingsCommand();
  const view = useRequest(() => getCityCategories(command.position), `categories:${command.position ?? 0}`);
  const [filter, setFilter] = useState('');
  const [dialog, setDialog] = useState<CategoryDialogState | undefined>(undefined);
  const words = filter.trim().toLowerCase();
  const rows = useMemo(() => treeOf(view.data?.categories ?? [], words), [view.data, words]);
  const label = (c: CityCategory) => (locale === 'en' ? c.nameEn : c.name);

  const done = async (position: number | undefined, text: string) => {
    if (position === undefined) return false;
    void refreshCityCategories(position);
    void message.success(text);
    return true;
  };
  const open = (state: CategoryDialogState) => {
    command.reset();
    setDialog(state);
  };
  const toggle = (c: CityCategory) =>
    void command
      .run((id) => (c.active ? settingsApi.retireCategory : settingsApi.reactivateCategory)(c.code, id))
      .then((position) =>
        done(position, t(c.active ? 'admin.categories.retired' : 'admin.categories.reactivated')),
      );

  return (
    <>
      <PageHeader
        title={t('admin.categories.title')}
        subTitle={
          view.data
            ? t('admin.categories.count', {
                count: view.data.categories.length,
                version: view.data.version,
              })
            : undefined
        }
        extra={
          canEdit ? (
            <Button type="primary" onClick={() => open({ mode: 'add' })}>
              {t('admin.categories.addTop')}
            </Button>
          ) : undefined
        }
      />
      <ErrorAlert error={view.error ?? (dialog === undefined ? command.error : undefined)} />
      <div style={{ maxWidth: 360, margin: '12px 0' }}>
        <FieldLabel htmlFor="categories-filter">{t('admin.categories.filter')}</FieldLabel>
        <Input id="categories-filter" allowClear value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <Table<Row>
        // Remounted when the rows arrive or change, so every level opens expanded.
        key={`${words}:${view.data?.version ?? 'loading'}`}
        size="small"
        rowKey="code"
        loading={view.loading}
        pagination={false}
        dataSource={rows}
        expandable={{ defaultExpandAllRows: true }}
        columns={[
          { title: t('admin.categories.code'), dataIndex: 'code', width: 160 },
          { title: t('admin.categories.name'), render: (_: unknown, c) => label(c) },
          {
            title: t('admin.categories.level'),
            dataIndex: 'level',
            render: (level: number) => t('admin.categories.levelN', { level }),
          },
          {
            title: t('admin.categories.source'),
            dataIndex: 'source',
            render: (source: CityCategory['source']) => <Tag>{t(`admin.categories.source.${source}`)}</Tag>,
          },
          {
            title: t('admin.categories.state'),
            dataIndex: 'active',
            render: (active: boolean) =>
              active ? (
                <Tag icon={<CheckCircleOutlined />} color="green">
                  {t('admin.categories.active')}
                </Tag>
              ) : (
                <Tag icon={<StopOutlined />}>{t('admin.categories.inactive')}</Tag>
              ),
          },
          ...(canEdit
            ? [
                {
                  title: t('case.actions'),
                  render: (_: unknown, c: Row) => (
                    <Space size="small" wrap>
                      {c.level < 3 && c.active && (
                        <Button
                          size="small"
                          aria-label={t('admin.categories.addUnder', { name: label(c) })}
                          onClick={() => open({ mode: 'add', parent: c })}
                        >
                          {t('admin.categories.addChild')}
                        </Button>
                      )}
                      <Button
                        size="small"
                        aria-label={t('admin.categories.renameFor', { name: label(c) })}
                        onClick={() => open({ mode: 'rename', category: c })}
                      >
                        {t('admin.categories.rename')}
                      </Button>
                      <Popconfirm
                        title={t(
                          c.active ? 'admin.categories.retireConfirm' : 'admin.categories.reactivateConfirm',
                          { name: label(c) },
                        )}
                        okText={t(c.active ? 'admin.categories.retire' : 'admin.categories.reactivate')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => toggle(c)}
                      >
                        <Button
                          size="small"
                          danger={c.active}
                          aria-label={t(
                            c.active ? 'admin.categories.retireFor' : 'admin.categories.reactivateFor',
                            { name: label(c) },
                          )}
                        >
                          {t(c.active ? 'admin.categories.retire' : 'admin.categories.reactivate')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <CategoryDialog
        state={dialog}
        command={command}
        onClose={() => setDialog(undefined)}
        onDone={(position, text) => void done(position, text).then((ok) => ok && setDialog(undefined))}
      />
    </>
  );
}
