import { useState } from 'react';
import { Alert, Space, Typography } from 'antd';
import { useCategoryName } from '../../components/use-category-name';
import { useRequest } from '../../components/use-request';
import { useInstant, useT } from '../../i18n';
import { useEventStream } from '../../live/use-live';
import { getSurges } from '../reports/reports-api';

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

/** Alerts shown at most: the pushed ones first (newest first), then categories before places and keywords. */
const SHOWN = 8;
const KIND_ORDER = { category: 0, place: 1, term: 2 } as const;
/** Hours back the board looks when it opens (the detection checks the last two). */
const RECENT_HOURS = 2;

/** A banner: a surge alert, pushed or found when the board opened. */
type Banner = Pick<
  LiveSurgeEvent,
  'kind' | 'key' | 'label' | 'hour' | 'count' | 'baselineMean' | 'announcement'
> & {
  id: string;
};

const bannerId = (surge: { kind: string; key: string; hour: string }) =>
  `${surge.kind}|${surge.key}|${surge.hour}`;

/**
 * Surge alerts as banners above the board, one an hour: those of the last hours when it opens, then
 * each new one as it is pushed on the live channel, within moments of the detection and without a
 * reload; once each, however often the stream repeats it. Closing a banner closes its hour.
 */
export function SurgeBanners() {
  const t = useT();
  const instant = useInstant();
  const categoryName = useCategoryName();
  const [pushed, setPushed] = useState<Banner[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const recent = useRequest(() => getSurges(RECENT_HOURS), 'wallboard-surges');
  useEventStream<LiveSurgeEvent>('/api/live', 'surge', (surge) =>
    setPushed((shown) =>
      [{ ...surge, id: bannerId(surge) }, ...shown.filter((banner) => banner.id !== bannerId(surge))].slice(
        0,
        SHOWN,
      ),
    ),
  );
  const found: Banner[] = (recent.data?.surges ?? [])
    .map((surge) => ({ ...surge, id: bannerId(surge), label: surge.key }))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.count - a.count);
  const visible: Banner[] = [];
  for (const banner of [...pushed, ...found]) {
    if (dismissed.has(banner.hour) || visible.some((shown) => shown.id === banner.id)) continue;
    if (visible.push(banner) === SHOWN) break;
  }
  // One banner an hour: a storm surges under several keys at once (its category, its words, its
  // place); the one to act on first leads, the others are named under it.
  const hours = [...new Set(visible.map((banner) => banner.hour))].map((hour) =>
    visible
      .filter((banner) => banner.hour === hour)
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.count - a.count),
  );
  if (hours.length === 0) return null;
  const nameOf = (banner: Banner) =>
    // A category by its path in the city's taxonomy, as everywhere in the console.
    banner.kind === 'category' ? categoryName(banner.key) : banner.label;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {hours.map(([lead, ...others]) => {
        if (lead === undefined) return null;
        return (
          <Alert
            key={lead.hour}
            type="error"
            showIcon
            closable
            onClose={() => setDismissed((before) => new Set([...before, lead.hour]))}
            message={
              <Typography.Text strong>
                {t('supervisor.surge.title', {
                  kind: t(`supervisor.surge.kind.${lead.kind}`),
                  label: nameOf(lead),
                })}
              </Typography.Text>
            }
            description={
              <Space direction="vertical">
                <span>
                  {t('supervisor.surge.line', {
                    hour: instant(lead.hour, 'time'),
                    count: lead.count,
                    mean: Math.round(lead.baselineMean * 10) / 10,
                  })}
                </span>
                {others.length > 0 && (
                  <span>
                    {t('supervisor.surge.alsoSurging', {
                      items: others
                        .map((other) =>
                          t('supervisor.surge.item', {
                            kind: t(`supervisor.surge.kind.${other.kind}`),
                            label: nameOf(other),
                            count: other.count,
                          }),
                        )
                        .join('；'),
                    })}
                  </span>
                )}
                <span>
                  {t('supervisor.surge.announcement')}
                  <Typography.Text copyable>{lead.announcement}</Typography.Text>
                </span>
              </Space>
            }
          />
        );
      })}
    </Space>
  );
}
