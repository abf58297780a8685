import { useState } from 'react';
import { Button } from 'antd';
import { useT } from '../../i18n';
import { recordingAudioUrl } from './recordings-api';

/**
 * A recording's play button, then its audio element: the WAV is fetched only when asked for (each
 * fetch is checked against the listener's scope by the gateway).
 */
export function RecordingPlayer({ recordingId }: { recordingId: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button size="small" onClick={() => setOpen(true)}>
        {t('recordings.play')}
      </Button>
    );
  return (
    <audio
      controls
      autoPlay
      preload="auto"
      src={recordingAudioUrl(recordingId)}
      aria-label={t('recordings.player')}
      style={{ height: 32, maxWidth: '100%' }}
    />
  );
}
