import { Alert, Button, Descriptions, Space } from 'antd';
import { SkillList } from '../../components/skill-names';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import { CallerHistoryPanel } from './caller-history-panel';
import { callerHistory } from './desk-api';
import { clock, type AgentSession } from './agent-api';

type Offer = NonNullable<AgentSession['offer']>;

interface Props {
  offer: Offer;
  queueName: string;
  busy: boolean;
  onAccept: () => void;
  onDecline: () => void;
}

/** The contact ringing at this agent, with the screen pop: the caller's history and open cases. */
export function OfferCard({ offer, queueName, busy, onAccept, onDecline }: Props) {
  const t = useT();
  const number = offer.callerNumber ?? undefined;
  const history = useRequest(() => callerHistory(number ?? ''), number === undefined ? null : `h:${number}`);
  const left =
    offer.expiresAt === null
      ? undefined
      : Math.max(0, Math.round((Date.parse(offer.expiresAt) - Date.now()) / 1000));
  const title = offer.mode === 'callback' ? t('agent.offer.callback') : t(`agent.offer.${offer.channel}`);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={title}
        description={
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={t('agent.offer.from')}>
              {number ?? t('agent.offer.unknownCaller')}
            </Descriptions.Item>
            <Descriptions.Item label={t('agent.offer.queue')}>{queueName}</Descriptions.Item>
            <Descriptions.Item label={t('agent.offer.waited', { duration: '' }).trim()}>
              {clock(offer.waitedSeconds)}
            </Descriptions.Item>
            {(offer.requiredSkills ?? []).length > 0 && (
              <Descriptions.Item label={t('agent.offer.skills')}>
                <SkillList skills={(offer.requiredSkills ?? []).map((r) => [r.skillId, r.minLevel])} />
              </Descriptions.Item>
            )}
          </Descriptions>
        }
        action={
          <Space orientation="vertical">
            <Button type="primary" disabled={busy} onClick={onAccept}>
              {t('agent.accept')}
            </Button>
            <Button disabled={busy} onClick={onDecline}>
              {t('agent.decline')}
            </Button>
          </Space>
        }
      />
      {left !== undefined && <span role="timer">{t('agent.offer.left', { seconds: left })}</span>}
      <CallerHistoryPanel
        phone={number}
        history={history.data}
        loading={history.loading && history.data === undefined}
        error={history.error}
      />
    </Space>
  );
}
