import { useState } from 'react';
import { App, Button, Card, Form, InputNumber, Space, Table } from 'antd';
import { LANGUAGE_SKILLS } from '@hotline/contracts';
import { ErrorAlert, PageHeader } from '../../components';
import { errorText } from '../../components/error-text';
import { useRequest } from '../../components/use-request';
import { useLocale, useT } from '../../i18n';
import { RoutingAgentModal } from './routing-agent-modal';
import {
  routingApi,
  newQueue,
  type AgentProfile,
  type QueueConfig,
  type RouterSettings,
} from './routing-api';
import { RoutingQueueModal } from './routing-queue-modal';

type Editing = { kind: 'queue'; queue?: QueueConfig } | { kind: 'agent'; profile?: AgentProfile } | undefined;

const SETTINGS_FIELDS = [
  'maxMissedOffers',
  'declineDelaySeconds',
  'noAnswerDelaySeconds',
  'wrapUpDelaySeconds',
  'repeatCallerDays',
] as const;

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
    } catch (error) {
      void message.error(errorText(error, t, locale));
    }
  };
  const queueName = (queueId: string) => queues.find((q) => q.queueId === queueId)?.name ?? queueId;
  const languages = (profile: AgentProfile) =>
    Object.entries(profile.skills)
      .filter(([skill]) => skill in LANGUAGE_SKILLS)
      .map(
        ([skill, level]) =>
          `${LANGUAGE_SKILLS[skill as keyof typeof LANGUAGE_SKILLS][locale === 'en' ? 'en' : 'zh']} ${level}`,
      )
      .join('、');
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
              title: t('admin.routing.overflow'),
              key: 'overflow',
              render: (_: unknown, q) =>
                q.overflow?.kind === 'queue'
                  ? t('admin.routing.overflowAfter', {
                      queue: queueName(q.overflow.queueId),
                      seconds: q.maxWaitSeconds ?? '—',
                    })
                  : '—',
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
              render: (id: string) => id.replace(/^user:/, ''),
            },
            {
              title: t('admin.routing.queues'),
              key: 'queues',
              render: (_: unknown, p) => p.queues.map((m) => queueName(m.queueId)).join('、'),
            },
            {
              title: t('admin.routing.languages'),
              key: 'languages',
              render: (_: unknown, p) => languages(p),
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
      {data.data !== undefined && (
        <Card title={t('admin.routing.settingsTitle')}>
          <Form<RouterSettings>
            layout="inline"
            key={String(round)}
            initialValues={data.data.settings}
            onFinish={(values) => void save(routingApi.setSettings({ ...data.data!.settings, ...values }))}
          >
            {SETTINGS_FIELDS.map((field) => (
              <Form.Item key={field} name={field} label={t(`admin.routing.settings.${field}`)}>
                <InputNumber
                  min={field === 'maxMissedOffers' ? 1 : 0}
                  max={field === 'repeatCallerDays' ? 90 : 3600}
                />
              </Form.Item>
            ))}
            <Form.Item>
              <Button type="primary" htmlType="submit">
                {t('admin.routing.save')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
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
