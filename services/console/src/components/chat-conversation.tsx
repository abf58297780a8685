import { useEffect, useRef, useState } from 'react';
import { Button, Input, Space, Typography } from 'antd';
import { useInstant, useT } from '../i18n';

export interface ChatMessage {
  from: 'citizen' | 'agent';
  text: string;
  at: string;
}

/** The longest message either side may send (the contract's `ChatText`). */
export const CHAT_MESSAGE_MAX = 1000;

interface Props {
  messages: readonly ChatMessage[];
  /** Whose screen this is: their own messages stand on the right. */
  self: ChatMessage['from'];
  /** Sends one message; resolves true when it was taken (the box is then emptied). */
  onSend?: (text: string) => Promise<boolean>;
  busy?: boolean;
}

/**
 * A web chat as either side sees it: the messages oldest first, each with who wrote it and when,
 * and a box to write the next one (Enter sends, Shift+Enter breaks the line).
 */
export function ChatConversation({ messages, self, onSend, busy = false }: Props) {
  const t = useT();
  const instant = useInstant();
  const [draft, setDraft] = useState('');
  const end = useRef<HTMLDivElement>(null);
  // Braces: newer browsers return a promise from scrollIntoView, and an effect may return only a clean-up.
  useEffect(() => {
    void end.current?.scrollIntoView({ block: 'nearest' });
  }, [messages.length]);
  const send = async () => {
    const text = draft.trim();
    if (text === '' || onSend === undefined) return;
    if (await onSend(text)) setDraft('');
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <div className="chat-messages" role="log" aria-label={t('chat.messages')}>
        {messages.map((message, i) => (
          <div
            key={`${message.at}-${i}`}
            className={`chat-message chat-message-${message.from === self ? 'self' : 'other'}`}
          >
            <Typography.Text type="secondary" className="chat-meta">
              {t(`chat.from.${message.from}`)} · {instant(message.at, 'time')}
            </Typography.Text>
            <div className="chat-bubble">{message.text}</div>
          </div>
        ))}
        <div ref={end} />
      </div>
      {onSend !== undefined && (
        <Space.Compact style={{ width: '100%' }}>
          <Input.TextArea
            aria-label={t('chat.input')}
            value={draft}
            maxLength={CHAT_MESSAGE_MAX}
            autoSize={{ minRows: 1, maxRows: 4 }}
            placeholder={t('chat.placeholder')}
            onChange={(event) => setDraft(event.target.value)}
            onPressEnter={(event) => {
              if (event.shiftKey) return;
              event.preventDefault();
              void send();
            }}
          />
          <Button type="primary" loading={busy} onClick={() => void send()}>
            {t('chat.send')}
          </Button>
        </Space.Compact>
      )}
    </Space>
  );
}
