import { App, Button, Card, Space, Table } from 'antd';
import { ErrorAlert, PageHeader, ToneTag, type Tone } from '../../components';
import { useTicker } from '../../components/use-ticker';
import { notReadyReasonText } from '../../components/not-ready-reason';
import { SkillList } from '../../components/skill-names';
import { useT, type Translate } from '../../i18n';
import { BulletinsCard } from './bulletins-card';
import { secondsSince, type ShownBoard } from './board-state';
import { SurgeBanners } from './surge-banners';
import { LiveAnnouncementCard } from './live-announcement-card';
import { useLiveAnnouncement } from './use-live-announcement';
import { agentName, supervisorApi, type BoardAgent, type BoardQueue } from './supervisor-api';
import { POLL_MS, useWallboard } from './use-wallboard';

/** The board is pushed (issue 13: "within 1 s"); the screen only counts the seconds on, every second. */
const TICK_MS = 1_000;
/** A board older than this is shown as stale (red), pushed or polled. */
const STALE_SECONDS = 3 * (POLL_MS / 1000);

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

type ShownQueue = ShownBoard['queues'][number];
type ShownAgent = ShownBoard['agents'][number];

/** How fresh the board is, honestly: pushed or polled, and how long since it was last known true. */
function Freshness({
  board,
  live,
  now,
  t,
}: {
  board?: ShownBoard;
  live: boolean;
  now: number;
  t: Translate;
}) {
  if (board === undefined) return <ToneTag tone="grey">{t('supervisor.fresh.none')}</ToneTag>;
  const seconds = secondsSince(board.confirmedAt, now);
  const tone: Tone = seconds > STALE_SECONDS ? 'red' : live ? 'green' : 'orange';
  return (
    <span role="status" aria-live="off">
      <ToneTag tone={tone}>
        {t(live ? 'supervisor.fresh.live' : 'supervisor.fresh.polling', {
          seconds,
          every: POLL_MS / 1000,
        })}
      </ToneTag>
    </span>
  );
}

/**
 * 班长席: live queues and agents, with forced not-ready and log-out; surge alerts as banners, pushed;
 * the IVR's live announcement, set from a banner's proposed words or typed.
 */
export function WallboardPage() {
  const t = useT();
  const { message } = App.useApp();
  useTicker(TICK_MS);
  const now = Date.now();
  const { board: data, live, error, reload } = useWallboard();
  const announcement = useLiveAnnouncement();
  // A surge banner's proposed words, played to callers for the card's default time (4 hours).
  const announceSurge = async (words: string) => {
    const done = await announcement.set(
      { 'zh-CN': words },
      new Date(Date.now() + 4 * 3_600_000).toISOString(),
    );
    if (done) void message.success(t('announce.done'));
  };
  const act = async (work: Promise<unknown>) => {
    try {
      await work;
      void message.success(t('supervisor.done'));
      // Pushed within a second when live; read at once otherwise.
      if (!live) reload();
    } catch {
      void message.error(t('supervisor.failed'));
    }
  };
  const supervising = (agent: ShownAgent) => {
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
  const alarm = (queue: ShownQueue) => queue.waiting > 0 && queue.loggedIn === 0;
  const waited = (queue: ShownQueue) =>
    queue.waitingSince === null ? 0 : secondsSince(queue.waitingSince, now);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader
        title={t('supervisor.title')}
        extra={<Freshness board={data} live={live} now={now} t={t} />}
      />
      <SurgeBanners onAnnounce={(words) => void announceSurge(words)} />
      <LiveAnnouncementCard announcement={announcement} />
      {error !== undefined && data === undefined && <ErrorAlert error={error} />}
      <Card title={t('supervisor.queues')}>
        <Table<ShownQueue>
          rowKey="queueId"
          pagination={false}
          dataSource={data?.queues ?? []}
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
              key: 'longestWait',
              render: (_: unknown, queue) => {
                const seconds = waited(queue);
                return queue.alarmWaitSeconds !== null && seconds >= queue.alarmWaitSeconds ? (
                  <ToneTag tone="red">{duration(seconds)}</ToneTag>
                ) : (
                  duration(seconds)
                );
              },
            },
            { title: t('supervisor.loggedIn'), dataIndex: 'loggedIn' },
            { title: t('supervisor.slToday'), dataIndex: 'serviceLevelToday', render: percent },
            { title: t('supervisor.sl30'), dataIndex: 'serviceLevelLast30Minutes', render: percent },
            { title: t('supervisor.answered'), dataIndex: 'answeredToday' },
            { title: t('supervisor.abandoned'), dataIndex: 'abandonedToday' },
            {
              title: t('supervisor.skills'),
              key: 'skills',
              render: (_: unknown, queue: BoardQueue) => (
                <SkillList skills={(queue.requiredSkills ?? []).map((r) => [r.skillId, r.minLevel])} />
              ),
            },
          ]}
        />
      </Card>
      <Card title={t('supervisor.agents')}>
        <Table<ShownAgent>
          rowKey="agentId"
          pagination={false}
          dataSource={data?.agents ?? []}
          locale={{ emptyText: t('supervisor.noAgents') }}
          columns={[
            {
              title: t('supervisor.agent'),
              dataIndex: 'agentId',
              render: (agentId: string) => agentName(agentId, data?.names),
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
            {
              title: t('supervisor.timeInState'),
              key: 'timeInState',
              render: (_: unknown, agent) => duration(secondsSince(agent.inStateSince, now)),
            },
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
      <BulletinsCard bulletins={data?.bulletins ?? []} act={act} />
    </Space>
  );
}
