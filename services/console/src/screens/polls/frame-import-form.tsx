import { useState } from 'react';
import { POLL_FRAME_FILE_MAX_PARTS } from '@hotline/contracts';
import { App, Button, Form, Progress, Select, Space, Typography, Upload } from 'antd';
import { errorText } from '../../components/error-text';
import { useLocale, useT } from '../../i18n';
import { decodeFrameFile, type FrameFileEncoding } from './frame-file-encoding';
import { FRAME_FILE_MAX_BYTES, frameFileId, splitFrameFile } from './frame-file-parts';
import { POLL_FRAMES, getPollRound, importPollFrame, type PollFrame } from './polls-api';

interface Sending {
  done: number;
  total: number;
  /** How the file's bytes were read (GBK from Excel, or UTF-8). */
  encoding?: FrameFileEncoding;
  /** Stopped by a refusal or a lost connection: the same file again sends the rest. */
  stopped?: boolean;
}

/**
 * A frame file read in the browser and sent in parts of whole lines, one after the other: each part
 * is a command whose id is the file's hash and the part's index, so sending the same file again (a
 * retry, or after a reload) resends the same commands and the service answers the parts it has. The
 * service reports each invalid line by its line in the file; the summary adds the parts up.
 */
export function FrameImportForm({
  roundId,
  onImported,
}: {
  roundId: string;
  onImported: (reply?: { position?: number }) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [frame, setFrame] = useState<PollFrame>('hotline');
  const [sending, setSending] = useState<Sending | undefined>(undefined);
  const busy = sending !== undefined && !sending.stopped && sending.done < sending.total;

  const send = async (file: File) => {
    if (file.size > FRAME_FILE_MAX_BYTES) {
      void message.error(t('polls.import.tooBig', { mib: Math.floor(FRAME_FILE_MAX_BYTES / 1024 / 1024) }));
      return;
    }
    setSending({ done: 0, total: 1 });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const fileId = await frameFileId(bytes);
      const { text, encoding } = decodeFrameFile(bytes);
      const parts = splitFrameFile(text);
      // Read as UTF-8, a GBK file's Chinese columns grow by half: it may need more parts than allowed.
      if (parts.length > POLL_FRAME_FILE_MAX_PARTS) {
        setSending(undefined);
        void message.error(t('polls.import.tooBig', { mib: Math.floor(FRAME_FILE_MAX_BYTES / 1024 / 1024) }));
        return;
      }
      if (parts.length === 0) {
        setSending(undefined);
        void message.error(t('polls.import.empty'));
        return;
      }
      setSending({ done: 0, total: parts.length, encoding });
      let position: number | undefined;
      for (const [index, { content, firstLine }] of parts.entries()) {
        const part = { fileId, index, count: parts.length, firstLine };
        const commandId = `${roundId}.${frame}.${fileId}.${index}`;
        const reply = await importPollFrame(roundId, commandId, frame, file.name, content, part);
        position = reply.position ?? position;
        setSending({ done: index + 1, total: parts.length, encoding });
      }
      const round = await getPollRound(roundId, position);
      const imported = round.imports.find((row) => row.importId === `${frame}.${fileId}`);
      if (imported)
        void message.success(
          t('polls.import.done', { accepted: imported.accepted, rejected: imported.rejectedCount }),
        );
      onImported({ ...(position !== undefined ? { position } : {}) });
    } catch (failure) {
      // The parts sent stay: choosing the same file again sends the rest.
      void message.error(errorText(failure, t, locale));
      setSending((now) => (now ? { ...now, stopped: true } : now));
    }
  };

  return (
    <Form layout="inline" style={{ marginBottom: 12 }}>
      <Form.Item label={t('polls.import.frame')}>
        <Select<PollFrame>
          aria-label={t('polls.import.frame')}
          value={frame}
          onChange={setFrame}
          style={{ minWidth: 180 }}
          options={POLL_FRAMES.map((value) => ({ value, label: t(`polls.frame.${value}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('polls.import.file')}>
        <Upload
          accept=".csv,.txt,text/csv,text/plain"
          showUploadList={false}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button disabled={busy} loading={busy}>
            {t('polls.import.submit')}
          </Button>
        </Upload>
      </Form.Item>
      {sending && sending.total > 0 && (
        <Form.Item>
          <Space>
            <Progress
              percent={Math.round((sending.done / sending.total) * 100)}
              size="small"
              showInfo={false}
              style={{ width: 160 }}
              aria-label={t('polls.import.progress')}
            />
            <Typography.Text>
              {t('polls.import.parts', { done: sending.done, total: sending.total })}
            </Typography.Text>
            {sending.encoding && (
              <Typography.Text type="secondary">
                {t('polls.import.encoding', { encoding: t(`polls.encoding.${sending.encoding}`) })}
              </Typography.Text>
            )}
          </Space>
        </Form.Item>
      )}
    </Form>
  );
}
