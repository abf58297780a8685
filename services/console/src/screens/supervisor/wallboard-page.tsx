import { App, Button, Card, Space, Table } from 'antd';
import { ErrorAlert, PageHeader, ToneTag, type Tone } from '../../components';
import { useRequest } from '../../components/use-request';
import { useTicker } from '../../components/use-ticker';
import { notReadyReasonText } from '../../components/not-ready-reason';
import { useT } from '../../i18n';
import { BulletinsCard } from './bulletins-card';
import { SurgeBanners } from './surge-banners';
import { agentName, supervisorApi, type BoardAgent, type BoardQueue } from './supervisor-api';

/** The board refreshes every second: the "within 1 s of the event". */
const REFRESH_MS = 1_000;

const STATE_TONE: Record<BoardAgent['state'], Tone> = {
  'logged-out': 'grey',
  ready: 'green',
  'not-ready': 'orange',
  reserved: 'blue',
  'on-contact': 'blue',
  held: 'red',
  'after-contact-work': 'cyan',
};

const duration = (seconds: number): string => {
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
};
const percent = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 100)}%`);

/** 班长席: live queues and agents, with forced not-ready and log-out; surge alerts as banners, pushed. */
export function WallboardPage() {
  const t = useT();
  const { message } = App.useApp();
  const round = useTicker(REFRESH_MS);
  const board = useRequest(() => supervisorApi.board(), String(round));
  const act = async (work: Promise<unknown>) => {
    try {
      await work;
      void message.success(t('supervisor.done'));
      board.reload();
    } catch {
      void message.error(t('supervisor.failed'));
    }
  };
  const supervising = (agent: BoardAgent) => {
    const contact = agent.contacts[0];
    if (contact === undefined) return null;
    const mine = contact.supervisor;
    return (
      <>
        {(['monitor', 'whisper', 'barge'] as const).map((mode) => (
          <Button
            key={mode}
            size="small"
            type={mine?.mode === mode ? 'primary' : 'default'}
            onClick={() => void act(supervisorApi.supervise(contact.contactId, mode))}
          >
            {t(`supervisor.supervise.${mode}`)}
          </Button>
        ))}
        {mine !== null && (
          <Button size="small" onClick={() => void act(supervisorApi.stopSupervising(contact.contactId))}>
            {t('supervisor.supervise.stop')}
          </Button>
        )}
      </>
    );
  };
  const alarm = (queue: BoardQueue) => queue.waiting > 0 && queue.loggedIn === 0;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('supervisor.title')} />
      <SurgeBanners />
      {board.error !== undefined && board.data === undefined && <ErrorAlert error={board.error} />}
      <Card title={t('supervisor.queues')}>
        <Table<BoardQueue>
          rowKey="queueId"
          pagination={false}
          dataSource={board.data?.queues ?? []}
          locale={{ emptyText: t('supervisor.noQueues') }}
          columns={[
            { title: t('supervisor.queue'), dataIndex: 'name' },
            {
              title: t('supervisor.waiting'),
              dataIndex: 'waiting',
              render: (waiting: number, queue) =>
                alarm(queue) ? <ToneTag tone="red">{waiting}</ToneTag> : waiting,
            },
            {
              title: t('supervisor.longestWait'),
              dataIndex: 'longestWaitSeconds',
              render: (seconds: number, queue) =>
                queue.alarmWaitSeconds !== null && seconds >= queue.alarmWaitSeconds ? (
                  <ToneTag tone="red">{duration(seconds)}</ToneTag>
                ) : (
                  duration(seconds)
                ),
            },
            { title: t('supervisor.loggedIn'), dataIndex: 'loggedIn' },
            { title: t('supervisor.slToday'), dataIndex: 'serviceLevelToday', render: percent },
            { title: t('supervisor.sl30'), dataIndex: 'serviceLevelLast30Minutes', render: percent },
            { title: t('supervisor.answered'), dataIndex: 'answeredToday' },
            { title: t('supervisor.abandoned'), dataIndex: 'abandonedToday' },
          ]}
        />
      </Card>
      <Card title={t('supervisor.agents')}>
        <Table<BoardAgent>
          rowKey="agentId"
          pagination={false}
          dataSource={board.data?.agents ?? []}
          locale={{ emptyText: t('supervisor.noAgents') }}
          columns={[
            {
              title: t('supervisor.agent'),
              dataIndex: 'agentId',
              render: (agentId: string) => agentName(agentId, board.data?.names),
            },
            {
              title: t('supervisor.state'),
              dataIndex: 'state',
              render: (state: BoardAgent['state'], agent) => (
                <ToneTag tone={STATE_TONE[state]}>
                  {t(`supervisor.state.${state}`)}
                  {agent.reason !== null ? ` · ${notReadyReasonText(agent.reason, t)}` : ''}
                </ToneTag>
              ),
            },
            { title: t('supervisor.timeInState'), dataIndex: 'secondsInState', render: duration },
            {
              title: t('supervisor.actions'),
              key: 'actions',
              render: (_: unknown, agent) =>
                agent.state === 'logged-out' ? null : (
                  <Space wrap>
                    {supervising(agent)}
                    <Button
                      size="small"
                      disabled={agent.state === 'not-ready'}
                      onClick={() =>
                        void act(supervisorApi.forceNotReady(agent.agentId, t('supervisor.forcedReason')))
                      }
                    >
                      {t('supervisor.forceNotReady')}
                    </Button>
                    <Button
                      size="small"
                      danger
                      onClick={() => void act(supervisorApi.forceLogOut(agent.agentId))}
                    >
                      {t('supervisor.forceLogOut')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <BulletinsCard bulletins={board.data?.bulletins ?? []} act={act} />
    </Space>
  );
}
