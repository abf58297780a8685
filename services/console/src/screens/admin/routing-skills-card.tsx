import { useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { ApiError } from '../../api/http';
import { ErrorAlert } from '../../components';
import { WordedError } from '../../components/error-text';
import {
  forgetSkillCatalogue,
  useSkillCatalogue,
  type SkillCatalogueView,
  type SkillUsage,
  type SkillView,
} from '../../components/skill-names';
import { useLocale, useT } from '../../i18n';
import { routingApi } from './routing-api';
import { RoutingSkillModal } from './routing-skill-modal';

type Row = Partial<SkillView> & { skillId: string; usage: SkillUsage };

/** Who uses a skill, in words: the queues by name and the seats by their people's names. */
function usageText(usage: SkillUsage, names: Record<string, string>, t: ReturnType<typeof useT>): string {
  const list = t('skills.listSeparator');
  const parts = [
    ...(usage.queues.length > 0
      ? [t('skills.usedByQueues', { queues: usage.queues.map((q) => q.name).join(list) })]
      : []),
    ...(usage.agents.length > 0
      ? [
          t('skills.usedByAgents', {
            agents: usage.agents.map((a) => names[a.agentId] ?? a.agentId.replace(/^user:/, '')).join(list),
          }),
        ]
      : []),
  ];
  return parts.length === 0 ? t('skills.unused') : parts.join(t('skills.partSeparator'));
}

/**
 * 技能目录: every skill by its names and kind, where it is used, named and renamed by the city
 * administrator; a skill in use cannot be removed (the refusal names its queues and seats). Skills
 * the queues or seats use that the catalogue does not name are listed greyed, to be named.
 */
export function RoutingSkillsCard() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const catalogue = useSkillCatalogue();
  const [editing, setEditing] = useState<Partial<SkillView> | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const view: SkillCatalogueView | undefined = catalogue.data;
  const rows: Row[] = [
    ...(view?.skills ?? []),
    ...(view?.unnamed ?? []).map(({ skillId, queues, agents }) => ({ skillId, usage: { queues, agents } })),
  ];
  const changed = (text: string) => {
    forgetSkillCatalogue();
    void message.success(text);
  };
  const remove = async (row: Row) => {
    setError(undefined);
    try {
      await routingApi.removeSkill(row.skillId, view?.version ?? 0);
      changed(t('skills.removed', { skill: row.name ?? row.skillId }));
    } catch (failure) {
      // In use: say where, by the names the catalogue already holds (the router's refusal names ids).
      setError(
        failure instanceof ApiError && failure.code === 'SKILL_IN_USE'
          ? new WordedError(
              t('skills.inUse', {
                skill: row.name ?? row.skillId,
                where: usageText(row.usage, view?.names ?? {}, t),
              }),
            )
          : failure,
      );
      forgetSkillCatalogue();
    }
  };
  return (
    <Card
      title={t('skills.title')}
      extra={<Button onClick={() => setEditing({})}>{t('skills.define')}</Button>}
      data-testid="skill-catalogue"
    >
      <ErrorAlert error={catalogue.error ?? error} onClose={() => setError(undefined)} />
      <Table<Row>
        rowKey="skillId"
        pagination={false}
        size="small"
        loading={catalogue.loading && !view}
        dataSource={rows}
        columns={[
          {
            title: t('skills.nameColumn'),
            key: 'name',
            render: (_: unknown, row) =>
              row.name === undefined ? (
                <Typography.Text type="secondary">{t('skills.unnamed')}</Typography.Text>
              ) : locale === 'en' ? (
                row.nameEn
              ) : (
                row.name
              ),
          },
          {
            title: t('skills.id'),
            dataIndex: 'skillId',
            render: (id: string, row) => (
              <Typography.Text code type={row.name === undefined ? 'secondary' : undefined}>
                {id}
              </Typography.Text>
            ),
          },
          {
            title: t('skills.kind'),
            dataIndex: 'kind',
            render: (kind: string | undefined) => (kind ? <Tag>{t(`skills.kind.${kind}`)}</Tag> : '—'),
          },
          {
            title: t('skills.usage'),
            key: 'usage',
            render: (_: unknown, row) => usageText(row.usage, view?.names ?? {}, t),
          },
          {
            title: t('admin.routing.actions'),
            key: 'actions',
            render: (_: unknown, row) => (
              <Space>
                <Button size="small" onClick={() => setEditing(row)}>
                  {t(row.name === undefined ? 'skills.nameIt' : 'skills.rename')}
                </Button>
                {row.name !== undefined && (
                  <Popconfirm
                    title={t('skills.removeConfirm', {
                      skill: (locale === 'en' ? row.nameEn : row.name) ?? '',
                    })}
                    okText={t('skills.remove')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => void remove(row)}
                  >
                    <Button size="small" danger>
                      {t('skills.remove')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing !== null && (
        <RoutingSkillModal
          skill={editing.skillId === undefined ? undefined : editing}
          version={view?.version ?? 0}
          onCancel={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            changed(t('skills.saved'));
          }}
        />
      )}
    </Card>
  );
}
