import { Alert, Button, Card, Dropdown, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ErrorAlert, ToneTag, type Tone } from '../../components';
import { notReadyReasonText } from '../../components/not-ready-reason';
import { useT } from '../../i18n';
import { agentApi, clock, type AgentState } from './agent-api';
import { ContactControls } from './agent-contact-controls';
import { OfferCard } from './agent-offer-card';
import { useAgentSession } from './use-agent-session';

const STATE_TONE: Record<AgentState, Tone> = {
  'logged-out': 'grey',
  ready: 'green',
  'not-ready': 'orange',
  reserved: 'blue',
  'on-contact': 'blue',
  held: 'red',
  'after-contact-work': 'cyan',
};

/**
 * The agent's panel above the desk (坐席状态条): log in and out, ready and not ready with a reason,
 * the ringing contact with its screen pop, the contacts in hand with their call control, the
 * after-call-work timer, and the supervisor's bulletins.
 */
export function AgentPanel() {
  const t = useT();
  const navigate = useNavigate();
  const { session, error, noProfile, act, busy } = useAgentSession();
  if (noProfile) return <Alert type="info" showIcon title={t('agent.noProfile')} />;
  if (session === undefined) return error !== undefined ? <ErrorAlert error={error} /> : null;
  const reasonText = (reason: string) => notReadyReasonText(reason, t);
  const seconds = (Date.now() - Date.parse(session.since)) / 1000;
  const acwLeft =
    session.afterContactWorkUntil === null
      ? undefined
      : (Date.parse(session.afterContactWorkUntil) - Date.now()) / 1000;
  const queueName = (queueId: string | null) =>
    session.queues.find((q) => q.queueId === queueId)?.name ?? queueId ?? '';
  // Registering a case from the call: the intake form opens with the caller's number looked up.
  const register = (callerNumber: string | null) =>
    void navigate('/desk', { state: callerNumber === null ? {} : { callerPhone: callerNumber } });
  // A web chat is a contact recorded already: the intake form starts from it, the chat beside it.
  const openChat = (contactId: string) => void navigate(`/desk?contact=${encodeURIComponent(contactId)}`);
  const loggedIn = session.state !== 'logged-out';
  const notReadyMenu = {
    items: session.notReadyReasons.map((reason) => ({ key: reason, label: reasonText(reason) })),
    onClick: ({ key }: { key: string }) => void act(() => agentApi.notReady(key)),
  };
  return (
    <Card size="small" style={{ marginBottom: 12 }} aria-label={t('agent.title')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Typography.Text strong>{t('agent.title')}</Typography.Text>
            <ToneTag tone={STATE_TONE[session.state]}>
              {session.state === 'not-ready' && session.reason !== null
                ? t('agent.notReadyAs', { reason: reasonText(session.reason) })
                : t(`agent.state.${session.state}`)}
            </ToneTag>
            <span role="timer">{t('agent.since', { duration: clock(seconds) })}</span>
            {acwLeft !== undefined && (
              <span role="timer">{t('agent.acwLeft', { duration: clock(acwLeft) })}</span>
            )}
          </Space>
          <Space wrap>
            {!loggedIn && (
              <Button type="primary" disabled={busy} onClick={() => void act(agentApi.logIn)}>
                {t('agent.logIn')}
              </Button>
            )}
            {session.state === 'not-ready' && (
              <Button type="primary" disabled={busy} onClick={() => void act(agentApi.ready)}>
                {t('agent.ready')}
              </Button>
            )}
            {session.afterContactWorkUntil !== null && (
              <Button type="primary" disabled={busy} onClick={() => void act(agentApi.endAfterContactWork)}>
                {t('agent.acwEnd')}
              </Button>
            )}
            {loggedIn && (
              <Dropdown menu={notReadyMenu} disabled={busy} trigger={['click']}>
                <Button>{t('agent.notReady')}</Button>
              </Dropdown>
            )}
            {loggedIn && session.contacts.length === 0 && session.engagedIn === null && (
              <Button disabled={busy} onClick={() => void act(agentApi.logOut)}>
                {t('agent.logOut')}
              </Button>
            )}
          </Space>
        </Space>
        {session.bulletins.map((bulletin) => (
          <Alert
            key={bulletin.bulletinId}
            type={bulletin.severity === 'urgent' ? 'warning' : 'info'}
            showIcon
            title={
              <span>
                {t('agent.bulletins')}
                {bulletin.severity === 'urgent' ? ` · ${t('agent.bulletin.urgent')}` : ''}：{bulletin.text}
              </span>
            }
          />
        ))}
        {session.engagedIn !== null && <Alert type="info" showIcon title={t('agent.engaged')} />}
        {session.offer !== null && (
          <OfferCard
            key={session.offer.contactId}
            offer={session.offer}
            queueName={queueName(session.offer.queueId)}
            busy={busy}
            onAccept={() => {
              const offer = session.offer!;
              void act(() => agentApi.accept(offer.contactId)).then((done) => {
                if (!done) return;
                if (offer.channel === 'chat') openChat(offer.contactId);
                else register(offer.callerNumber);
              });
            }}
            onDecline={() => void act(() => agentApi.decline(session.offer!.contactId))}
          />
        )}
        {session.contacts.map((contact) => (
          <ContactControls
            key={contact.contactId}
            contact={contact}
            queues={session.queues}
            busy={busy}
            act={act}
            onRegister={register}
            onOpenChat={openChat}
            names={session.names}
          />
        ))}
      </Space>
    </Card>
  );
}
