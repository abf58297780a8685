import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { errorText } from '../../components/error-text';
import { useInstant, useLocale, useT } from '../../i18n';
import type { LiveAnnouncement } from './use-live-announcement';

/** How long a new announcement plays, in hours; 0: until cleared. */
const DURATIONS = [1, 2, 4, 8, 24, 0] as const;

/**
 * 来电播报: the words every caller hears before the menu during a mass incident ("district X has a
 * power outage…"), in Chinese and English, for a while or until cleared; what plays now, who set it.
 */
export function LiveAnnouncementCard({ announcement }: { announcement: LiveAnnouncement }) {
  const t = useT();
  const { locale } = useLocale();
  const instant = useInstant();
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [hours, setHours] = useState<number>(4);
  const { view, busy, error } = announcement;
  const playing = view?.text;
  const set = async () => {
    const done = await announcement.set(
      { 'zh-CN': zh.trim(), ...(en.trim() ? { en: en.trim() } : {}) },
      hours === 0 ? undefined : new Date(Date.now() + hours * 3_600_000).toISOString(),
    );
    if (done) {
      setZh('');
      setEn('');
    }
  };
  const by = view?.setBy;
  return (
    <Card title={t('announce.title')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {playing ? (
          <Alert
            type="warning"
            showIcon
            message={t('announce.playing')}
            description={
              <Space orientation="vertical">
                <Typography.Text strong>{playing['zh-CN']}</Typography.Text>
                {playing.en && <Typography.Text lang="en">{playing.en}</Typography.Text>}
                <span>
                  {view?.until
                    ? t('announce.until', { when: instant(view.until) })
                    : t('announce.untilCleared')}
                  {by?.name ? ` · ${t('announce.setBy', { name: by.name, when: instant(view?.setAt) })}` : ''}
                </span>
                <Button danger loading={busy} onClick={() => void announcement.clear()}>
                  {t('announce.clear')}
                </Button>
              </Space>
            }
          />
        ) : (
          <Typography.Text>{t('announce.none')}</Typography.Text>
        )}
        {error !== undefined && <Alert type="error" showIcon message={errorText(error, t, locale)} />}
        <Form layout="vertical" component="div">
          <WordsField
            id="announce-zh"
            label={t('announce.zh')}
            placeholder={t('announce.zhPlaceholder')}
            rows={2}
            value={zh}
            onChange={setZh}
          />
          <WordsField
            id="announce-en"
            label={t('announce.en')}
            placeholder={t('announce.enPlaceholder')}
            rows={1}
            value={en}
            onChange={setEn}
          />
        </Form>
        <Space wrap>
          <label htmlFor="announce-for">{t('announce.for')}</label>
          <Select
            id="announce-for"
            style={{ width: 140 }}
            value={hours}
            onChange={setHours}
            options={DURATIONS.map((h) => ({
              value: h,
              label: h === 0 ? t('announce.untilCleared') : t('announce.hours', { hours: h }),
            }))}
          />
          <Button type="primary" disabled={zh.trim() === ''} loading={busy} onClick={() => void set()}>
            {t('announce.set')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}

/** The words in one language: a labelled text area within the command's 300 characters. */
function WordsField(props: {
  id: string;
  label: string;
  placeholder: string;
  rows: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Form.Item label={props.label} htmlFor={props.id}>
      <Input.TextArea
        id={props.id}
        placeholder={props.placeholder}
        maxLength={300}
        showCount
        autoSize={{ minRows: props.rows, maxRows: props.rows + 2 }}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Form.Item>
  );
}
