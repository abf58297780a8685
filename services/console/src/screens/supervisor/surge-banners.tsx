import { useState } from 'react';
import { Alert, Space, Typography } from 'antd';
import { useInstant, useT } from '../../i18n';
import { useEventStream } from '../../live/use-live';

/** A `surge` event of `/api/live` (SurgeDetected): what surged, in which hour, against what. */
export interface LiveSurgeEvent {
  alertId: string;
  kind: 'category' | 'term' | 'place';
  key: string;
  /** The category's name, the keyword or the place, as callers said it. */
  label: string;
  hour: string;
  count: number;
  baselineMean: number;
  caseCount: number;
  announcement: string;
}

/** Banners shown at most: the newest first. */
const SHOWN = 5;

/**
 * Surge alerts pushed on the live channel, as banners above the board: they appear within moments of
 * the detection, without a reload, once each however often the stream repeats them.
 */
export function SurgeBanners() {
  const t = useT();
  const instant = useInstant();
  const [alerts, setAlerts] = useState<LiveSurgeEvent[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  useEventStream<LiveSurgeEvent>('/api/live', 'surge', (surge) =>
    setAlerts((shown) =>
      shown.some((alert) => alert.alertId === surge.alertId) ? shown : [surge, ...shown].slice(0, SHOWN),
    ),
  );
  const visible = alerts.filter((alert) => !dismissed.has(alert.alertId));
  if (visible.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {visible.map((alert) => (
        <Alert
          key={alert.alertId}
          type="error"
          showIcon
          closable
          onClose={() => setDismissed((before) => new Set([...before, alert.alertId]))}
          message={
            <Typography.Text strong>
              {t('supervisor.surge.title', {
                kind: t(`supervisor.surge.kind.${alert.kind}`),
                label: alert.label,
              })}
            </Typography.Text>
          }
          description={
            <Space direction="vertical">
              <span>
                {t('supervisor.surge.line', {
                  hour: instant(alert.hour, 'time'),
                  count: alert.count,
                  mean: Math.round(alert.baselineMean * 10) / 10,
                })}
              </span>
              <span>
                {t('supervisor.surge.announcement')}
                <Typography.Text copyable>{alert.announcement}</Typography.Text>
              </span>
            </Space>
          }
        />
      ))}
    </Space>
  );
}
