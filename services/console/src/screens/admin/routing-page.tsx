import { useState } from 'react';
import { App, Button, Card, Space, Table, Typography } from 'antd';
import { ErrorAlert, PageHeader } from '../../components';
import { errorText } from '../../components/error-text';
import { forgetSkillCatalogue, SkillList } from '../../components/skill-names';
import { useRequest } from '../../components/use-request';
import { useLocale, useT } from '../../i18n';
import { RoutingAgentModal } from './routing-agent-modal';
import { routingApi, newQueue, overflowText, type AgentProfile, type QueueConfig } from './routing-api';
import { RoutingQueueModal } from './routing-queue-modal';
import { RouterSettingsCard } from './router-settings-card';
import { RoutingSkillsCard } from './routing-skills-card';

type Editing = { kind: 'queue'; queue?: QueueConfig } | { kind: 'agent'; profile?: AgentProfile } | undefined;

/**
 * 话务路由设置: the router's queues, agents' seats and its own settings, edited as data (each save a
 * command; the router's stream is their history).
 */
export function RoutingPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [round, setRound] = useState(0);
  const [editing, setEditing] = useState<Editing>(undefined);
  const data = useRequest(() => routingApi.settings(), String(round));
  const queues = data.data?.queues ?? [];
  const save = async (work: Promise<unknown>) => {
    try {
      await work;
      void message.success(t('admin.routing.saved'));
      setEditing(undefined);
      setRound((r) => r + 1);
      // Where each skill is used changed with the queue or seat.
      forgetSkillCatalogue();
    } catch (error) {
      void message.error(errorText(error, t, locale));
    }
  };
  const queueName = (queueId: string) => queues.find((q) => q.queueId === queueId)?.name ?? queueId;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('admin.routing.title')} subTitle={t('admin.routing.subtitle')} />
      {data.error !== undefined && <ErrorAlert error={data.error} />}
      <Card
        title={t('admin.routing.queuesTitle')}
        extra={<Button onClick={() => setEditing({ kind: 'queue' })}>{t('admin.routing.newQueue')}</Button>}
      >
        <Table<QueueConfig>
          rowKey="queueId"
          pagination={false}
          dataSource={queues}
          locale={{ emptyText: t('admin.routing.noQueues') }}
          columns={[
            { title: t('admin.routing.name'), dataIndex: 'name' },
            {
              title: t('admin.routing.strategy'),
              dataIndex: 'strategy',
              render: (s: string) => t(`admin.routing.strategy.${s}`),
            },
            { title: t('admin.routing.offerTimeout'), dataIndex: 'offerTimeoutSeconds' },
            { title: t('admin.routing.acw'), dataIndex: 'afterContactWorkSeconds' },
            { title: t('admin.routing.serviceLevel'), dataIndex: 'serviceLevelSeconds' },
            {
              title: t('admin.routing.needs'),
              key: 'needs',
              render: (_: unknown, q) => (
                <SkillList skills={q.requiredSkills.map((r) => [r.skillId, r.minLevel])} />
              ),
            },
            {
              title: t('admin.routing.overflow'),
              key: 'overflow',
              render: (_: unknown, q) => overflowText(q, queueName, t),
            },
            {
              title: t('admin.routing.actions'),
              key: 'edit',
              render: (_: unknown, queue) => (
                <Button size="small" onClick={() => setEditing({ kind: 'queue', queue })}>
                  {t('admin.routing.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={t('admin.routing.agentsTitle')}
        extra={<Button onClick={() => setEditing({ kind: 'agent' })}>{t('admin.routing.newAgent')}</Button>}
      >
        <Table<AgentProfile>
          rowKey="agentId"
          pagination={false}
          dataSource={data.data?.agents ?? []}
          locale={{ emptyText: t('admin.routing.noAgents') }}
          columns={[
            {
              title: t('admin.routing.account'),
              dataIndex: 'agentId',
              // The seat's sign-in name, exactly as it is typed at the sign-in page.
              render: (id: string) => <Typography.Text code>{id.replace(/^user:/, '')}</Typography.Text>,
            },
            {
              title: t('admin.routing.queues'),
              key: 'queues',
              render: (_: unknown, p) =>
                p.queues
                  .map((m) =>
                    m.tier > 1
                      ? t('admin.routing.queueAtTier', { queue: queueName(m.queueId), tier: String(m.tier) })
                      : queueName(m.queueId),
                  )
                  .join('、'),
            },
            {
              title: t('admin.routing.languages'),
              key: 'languages',
              render: (_: unknown, p) => <SkillList skills={Object.entries(p.skills)} />,
            },
            { title: t('admin.routing.chatCapacity'), dataIndex: 'chatCapacity' },
            {
              title: t('admin.routing.actions'),
              key: 'edit',
              render: (_: unknown, profile) => (
                <Button size="small" onClick={() => setEditing({ kind: 'agent', profile })}>
                  {t('admin.routing.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <RoutingSkillsCard />
      {data.data !== undefined && (
        <RouterSettingsCard
          // A form takes its values when mounted: mount it again once the saved settings are read back.
          key={JSON.stringify(data.data.settings)}
          settings={data.data.settings}
          onSave={(settings) => void save(routingApi.setSettings(settings))}
        />
      )}
      {editing?.kind === 'queue' && (
        <RoutingQueueModal
          queue={editing.queue}
          template={newQueue('', '')}
          queues={queues}
          onCancel={() => setEditing(undefined)}
          onSave={(queue) => void save(routingApi.defineQueue(queue))}
        />
      )}
      {editing?.kind === 'agent' && (
        <RoutingAgentModal
          profile={editing.profile}
          queues={queues}
          onCancel={() => setEditing(undefined)}
          onSave={(profile) => void save(routingApi.setProfile(profile))}
        />
      )}
    </Space>
  );
}
