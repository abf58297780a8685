import { useState } from 'react';
import { Button, Card } from 'antd';
import { ErrorAlert } from '../../components';
import { ChatConversation, type ChatMessage } from '../../components/chat-conversation';
import { useRequest } from '../../components/use-request';
import { useTicker } from '../../components/use-ticker';
import { useT, type Translate } from '../../i18n';
import { useEventStream } from '../../live/use-live';
import { agentApi } from './agent-api';

/** The chat's live stream brings each change at once; this slow refresh only covers a lost stream. */
const REFRESH_MS = 15_000;

/** The transcript as the case's content: each message on its line, with who wrote it. */
export const transcriptText = (messages: readonly ChatMessage[], t: Translate): string =>
  messages.map((message) => `${t(`chat.from.${message.from}`)}：${message.text}`).join('\n');

/**
 * The web chat the agent holds, beside the intake form: the messages both ways, a box to answer,
 * and the transcript into the form's content, from which the case is registered.
 */
export function ChatPanel({ contactId, onFill }: { contactId: string; onFill: (text: string) => void }) {
  const t = useT();
  const round = useTicker(REFRESH_MS);
  const [changes, setChanges] = useState(0);
  useEventStream(`/api/routing/me/chats/${encodeURIComponent(contactId)}/live`, 'chat', () =>
    setChanges((n) => n + 1),
  );
  const chat = useRequest(() => agentApi.chat(contactId), `${contactId}:${round}:${changes}`);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const messages = chat.data?.messages ?? [];
  const send = async (text: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await agentApi.sendChat(contactId, text);
      chat.reload();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title={t('agent.chat.title')}
      aria-label={t('agent.chat.title')}
      extra={
        <Button
          size="small"
          disabled={messages.length === 0}
          onClick={() => onFill(transcriptText(messages, t))}
        >
          {t('agent.chat.fill')}
        </Button>
      }
    >
      <ChatConversation messages={messages} self="agent" onSend={send} busy={busy} />
      <ErrorAlert error={error ?? chat.error} />
    </Card>
  );
}
