import { useState } from 'react';
import { Button, Card, Input, List, Radio, Space, Typography } from 'antd';
import { ToneTag } from '../../components';
import { useInstant, useT } from '../../i18n';
import { supervisorApi, type BoardBulletin } from './supervisor-api';

interface Props {
  bulletins: BoardBulletin[];
  act: (work: Promise<unknown>) => Promise<void>;
}

/** The supervisor's broadcast to every agent's desk (e.g. what to tell callers during an outage). */
export function BulletinsCard({ bulletins, act }: Props) {
  const t = useT();
  const instant = useInstant();
  const [text, setText] = useState('');
  const [severity, setSeverity] = useState<'info' | 'urgent'>('info');
  const post = async () => {
    await act(supervisorApi.postBulletin(text.trim(), severity));
    setText('');
  };
  return (
    <Card title={t('supervisor.bulletins')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          aria-label={t('supervisor.bulletin.text')}
          placeholder={t('supervisor.bulletin.placeholder')}
          maxLength={500}
          showCount
          autoSize={{ minRows: 2, maxRows: 4 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <Space>
          <Radio.Group value={severity} onChange={(e) => setSeverity(e.target.value as 'info' | 'urgent')}>
            <Radio value="info">{t('supervisor.bulletin.info')}</Radio>
            <Radio value="urgent">{t('supervisor.bulletin.urgent')}</Radio>
          </Radio.Group>
          <Button type="primary" disabled={text.trim() === ''} onClick={() => void post()}>
            {t('supervisor.bulletin.post')}
          </Button>
        </Space>
        {bulletins.length === 0 && <Typography.Text>{t('supervisor.bulletin.none')}</Typography.Text>}
        <List
          dataSource={bulletins}
          // antd's grey empty text is below WCAG AA contrast: the line above says it instead.
          locale={{ emptyText: ' ' }}
          renderItem={(bulletin) => (
            <List.Item
              actions={[
                <Button
                  key="withdraw"
                  size="small"
                  onClick={() => void act(supervisorApi.withdrawBulletin(bulletin.bulletinId))}
                >
                  {t('supervisor.bulletin.withdraw')}
                </Button>,
              ]}
            >
              <Space>
                {bulletin.severity === 'urgent' && (
                  <ToneTag tone="red">{t('supervisor.bulletin.urgent')}</ToneTag>
                )}
                <span>{bulletin.text}</span>
                <span>{instant(bulletin.postedAt, 'time')}</span>
              </Space>
            </List.Item>
          )}
        />
      </Space>
    </Card>
  );
}
