import { useState } from 'react';
import { Button, Card, Space, Typography } from 'antd';
import { ToneTag } from '../../components';
import { useT } from '../../i18n';
import { accountOf, agentApi, clock, type ContactParty, type SessionContact } from './agent-api';
import { PartyModal, type PartyAction } from './agent-party-modal';

interface Props {
  contact: SessionContact;
  queues: { queueId: string; name: string }[];
  busy: boolean;
  act: (work: () => Promise<unknown>) => Promise<boolean>;
  onRegister: (callerNumber: string | null) => void;
  onOpenChat: (contactId: string) => void;
  /** Agents' display names by agent id. */
  names: Record<string, string>;
}

/** One contact the agent holds: hold, transfer, consult, three-way, hang up; a chat: open, transfer, end. */
export function ContactControls({ contact, queues, busy, act, onRegister, onOpenChat, names }: Props) {
  const t = useT();
  const [picking, setPicking] = useState<PartyAction | undefined>(undefined);
  const id = contact.contactId;
  const partyName = (party: ContactParty) =>
    party.kind === 'agent'
      ? (names[party.agentId] ?? accountOf(party.agentId))
      : (party.label ?? party.number);
  const talk = contact.answeredAt === null ? 0 : (Date.now() - Date.parse(contact.answeredAt)) / 1000;
  const run = (work: () => Promise<unknown>) => {
    setPicking(undefined);
    void act(work);
  };
  return (
    <Card
      size="small"
      title={
        <Space>
          {t(`agent.contact.${contact.channel}`)}
          <Typography.Text>{contact.callerNumber ?? t('agent.offer.unknownCaller')}</Typography.Text>
          {contact.held && <ToneTag tone="red">{t('agent.contact.held')}</ToneTag>}
        </Space>
      }
      extra={<span role="timer">{t('agent.contact.talk', { duration: clock(talk) })}</span>}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {contact.supervisor !== null && (
          <ToneTag tone="orange">{t(`agent.supervisor.${contact.supervisor.mode}`)}</ToneTag>
        )}
        {contact.consulting !== null ? (
          <Space wrap>
            <Typography.Text strong>
              {t('agent.consulting', { party: partyName(contact.consulting) })}
            </Typography.Text>
            {(['return', 'conference', 'transfer'] as const).map((outcome) => (
              <Button
                key={outcome}
                disabled={busy}
                onClick={() => run(() => agentApi.endConsultation(id, outcome))}
              >
                {t(`agent.consult.${outcome}`)}
              </Button>
            ))}
          </Space>
        ) : contact.channel === 'chat' ? (
          <Space wrap>
            <Button type="primary" onClick={() => onOpenChat(id)}>
              {t('agent.chat.open')}
            </Button>
            <Button disabled={busy} onClick={() => setPicking('transfer')}>
              {t('agent.transfer')}
            </Button>
            <Button danger disabled={busy} onClick={() => run(() => agentApi.end(id))}>
              {t('agent.chat.end')}
            </Button>
          </Space>
        ) : (
          <Space wrap>
            {contact.held ? (
              <Button disabled={busy} onClick={() => run(() => agentApi.resume(id))}>
                {t('agent.resume')}
              </Button>
            ) : (
              <Button disabled={busy} onClick={() => run(() => agentApi.hold(id))}>
                {t('agent.hold')}
              </Button>
            )}
            <Button disabled={busy} onClick={() => setPicking('transfer')}>
              {t('agent.transfer')}
            </Button>
            <Button disabled={busy} onClick={() => setPicking('consult')}>
              {t('agent.consult')}
            </Button>
            <Button disabled={busy} onClick={() => setPicking('conference')}>
              {t('agent.conference')}
            </Button>
            <Button onClick={() => onRegister(contact.callerNumber)}>{t('agent.register')}</Button>
            <Button danger disabled={busy} onClick={() => run(() => agentApi.end(id))}>
              {t('agent.end')}
            </Button>
          </Space>
        )}
        {contact.parties.length > 0 && (
          <Space wrap>
            <Typography.Text>
              {t('agent.parties', { parties: contact.parties.map(partyName).join('、') })}
            </Typography.Text>
            {contact.parties.map((party) => (
              <Button
                key={partyName(party)}
                size="small"
                disabled={busy}
                onClick={() => run(() => agentApi.leaveConference(id, party))}
              >
                {t('agent.party.remove', { party: partyName(party) })}
              </Button>
            ))}
          </Space>
        )}
      </Space>
      {picking !== undefined && (
        <PartyModal
          action={picking}
          queues={queues}
          onCancel={() => setPicking(undefined)}
          onTransfer={(target) => run(() => agentApi.transfer(id, target))}
          onParty={(party) =>
            run(() => (picking === 'consult' ? agentApi.consult(id, party) : agentApi.conference(id, party)))
          }
        />
      )}
    </Card>
  );
}
