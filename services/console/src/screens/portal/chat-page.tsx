import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Popconfirm } from 'antd';
import { newCommandId } from '../../api/http';
import { ErrorAlert, PageHeader } from '../../components';
import { CHAT_MESSAGE_MAX, ChatConversation } from '../../components/chat-conversation';
import { useRequest } from '../../components/use-request';
import { useTicker } from '../../components/use-ticker';
import { useT } from '../../i18n';
import { useEventStream } from '../../live/use-live';
import { getChat, leaveChat, openChat, sendChatMessage } from './portal-api';

/** The chat id the browser keeps for this tab: a reload finds the same chat. */
const KEPT = 'hotline.portal.chat';
/**
 * The chat's live stream brings each message and the answer at once; while waiting, the place in
 * the queue moves with other citizens' chats, so the page asks every 5 s then, and every 20 s once
 * connected in case the stream was lost (well inside the portal's rate limit of 120 a minute).
 */
const WAITING_REFRESH_MS = 5_000;
const CONNECTED_REFRESH_MS = 20_000;
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

interface OpenValues {
  text: string;
  name?: string;
  phone?: string;
}

/** 在线咨询: the citizen writes to an agent, waiting first with their place in the queue. */
export function ChatPage() {
  const t = useT();
  const [form] = Form.useForm<OpenValues>();
  const [chatId, setChatId] = useState<string | null>(() => sessionStorage.getItem(KEPT));
  const [leftMessage, setLeftMessage] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // One id per opening: pressing the button again after a network error opens the same chat.
  const commandId = useRef(newCommandId());
  const [waiting, setWaiting] = useState(true);
  const round = useTicker(
    chatId === null || leftMessage ? 0 : waiting ? WAITING_REFRESH_MS : CONNECTED_REFRESH_MS,
  );
  const [changes, setChanges] = useState(0);
  useEventStream(
    chatId === null || leftMessage ? null : `/api/portal/chats/${encodeURIComponent(chatId)}/live`,
    'chat',
    () => setChanges((n) => n + 1),
  );
  const chat = useRequest(
    () => getChat(chatId ?? ''),
    chatId === null ? null : `${chatId}:${round}:${changes}`,
  );
  const status = chat.data?.status;
  useEffect(() => setWaiting(status === undefined || status === 'waiting'), [status]);

  const open = async (values: OpenValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const opened = await openChat({
        commandId: commandId.current,
        text: values.text.trim(),
        ...(values.name?.trim() ? { name: values.name.trim() } : {}),
        ...(values.phone ? { phone: values.phone } : {}),
      });
      sessionStorage.setItem(KEPT, opened.chatId);
      setLeftMessage(!opened.queued);
      setChatId(opened.chatId);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const send = async (text: string): Promise<boolean> => {
    if (chatId === null) return false;
    try {
      await sendChatMessage(chatId, text);
      chat.reload();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    }
  };

  const leave = async () => {
    if (chatId === null) return;
    try {
      await leaveChat(chatId);
      chat.reload();
    } catch (caught) {
      setError(caught);
    }
  };

  const startOver = () => {
    sessionStorage.removeItem(KEPT);
    commandId.current = newCommandId();
    form.resetFields();
    setLeftMessage(false);
    setError(undefined);
    setChatId(null);
  };

  if (chatId === null) {
    return (
      <>
        <PageHeader title={t('portal.chat.title')} subTitle={t('portal.chat.intro')} />
        <Card>
          <Form<OpenValues> form={form} layout="vertical" onFinish={(values) => void open(values)}>
            <Form.Item
              label={t('portal.chat.question')}
              name="text"
              rules={[{ required: true, whitespace: true, message: t('portal.chat.questionRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={CHAT_MESSAGE_MAX} showCount />
            </Form.Item>
            <Form.Item label={t('portal.chat.name')} name="name">
              <Input maxLength={64} autoComplete="name" />
            </Form.Item>
            <Form.Item
              label={t('portal.chat.phone')}
              name="phone"
              extra={t('portal.submit.phoneHint')}
              rules={[{ pattern: PHONE, message: t('portal.submit.phoneInvalid') }]}
            >
              <Input inputMode="tel" autoComplete="tel" />
            </Form.Item>
            <ErrorAlert error={error} />
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('portal.chat.start')}
            </Button>
          </Form>
        </Card>
      </>
    );
  }

  const current = chat.data;
  const ended = leftMessage || current?.status === 'ended';
  return (
    <>
      <PageHeader title={t('portal.chat.title')} />
      <Card
        extra={
          ended ? (
            <Button onClick={startOver}>{t('portal.chat.again')}</Button>
          ) : current !== undefined ? (
            <Popconfirm title={t('portal.chat.leaveConfirm')} onConfirm={() => void leave()}>
              <Button danger>{t('portal.chat.leave')}</Button>
            </Popconfirm>
          ) : undefined
        }
      >
        {leftMessage ? (
          <Alert type="info" showIcon title={t('portal.chat.leftMessage')} />
        ) : current?.status === 'waiting' ? (
          <Alert
            type="info"
            showIcon
            title={t('portal.chat.waiting', { position: current.position ?? 1 })}
            description={t('portal.chat.expectedWait', {
              minutes: Math.max(1, Math.ceil((current.expectedWaitSeconds ?? 0) / 60)),
            })}
          />
        ) : current?.status === 'connected' ? (
          <Alert type="success" showIcon title={t('portal.chat.connected')} />
        ) : current?.status === 'ended' ? (
          <Alert type="info" showIcon title={t('portal.chat.ended')} />
        ) : null}
        {current?.caseNumber !== undefined && (
          <Alert
            style={{ marginTop: 8 }}
            type="success"
            showIcon
            title={t('portal.chat.caseNumber', { caseNumber: current.caseNumber })}
          />
        )}
        <div style={{ marginTop: 12 }}>
          <ChatConversation
            messages={current?.messages ?? []}
            self="citizen"
            {...(ended ? {} : { onSend: send })}
          />
        </div>
        <ErrorAlert error={error ?? chat.error} />
      </Card>
    </>
  );
}
