import { useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { useCategoryName } from '../../components/use-category-name';
import { useUnitName } from '../../components/use-unit-name';
import { useRequest } from '../../components/use-request';
import { useInstant, useT } from '../../i18n';
import { useEventStream } from '../../live/use-live';
import { getSurges } from '../reports/reports-api';
import { surgeBannerHours, surgeBannerId, type SurgeBanner } from './surge-banner-hours';

/** A `surge` event of `/api/live` (SurgeDetected): what surged, in which hour, against what. */
export type LiveSurgeEvent = Omit<SurgeBanner, 'id'> & { alertId: string; caseCount: number };

/** Alerts shown at most. */
const SHOWN = 8;
/** Hours back the board looks when it opens (the detection checks the last two). */
const RECENT_HOURS = 2;

/**
 * Surge alerts as banners above the board, one an hour: those of the last hours when it opens, then
 * each new one as it is pushed on the live channel, within moments of the detection and without a
 * reload; once each, however often the stream repeats it. Closing a banner closes its hour.
 * `onAnnounce`: the proposed words become the IVR's live announcement in one click.
 */
export function SurgeBanners({ onAnnounce }: { onAnnounce?: (words: string) => void }) {
  const t = useT();
  const instant = useInstant();
  const categoryName = useCategoryName();
  const unitName = useUnitName();
  const [pushed, setPushed] = useState<SurgeBanner[]>([]);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const recent = useRequest(() => getSurges(RECENT_HOURS), 'wallboard-surges');
  useEventStream<LiveSurgeEvent>('/api/live', 'surge', (surge) =>
    setPushed((shown) =>
      [
        { ...surge, id: surgeBannerId(surge) },
        ...shown.filter((banner) => banner.id !== surgeBannerId(surge)),
      ].slice(0, SHOWN),
    ),
  );
  const found: SurgeBanner[] = (recent.data?.surges ?? []).map((surge) => ({
    ...surge,
    id: surgeBannerId(surge),
    label: surge.key,
  }));
  // One banner an hour: a storm surges under several keys at once (its category, its words, its
  // place), two storms may share an hour; the one to act on first leads, the others are named under it.
  const hours = surgeBannerHours(pushed, found, dismissed, SHOWN);
  if (hours.length === 0) return null;
  const nameOf = (banner: SurgeBanner) => {
    // A category by its path in the city's taxonomy, as everywhere in the console.
    const name = banner.kind === 'category' ? categoryName(banner.key) : banner.label;
    const district = banner.districtId && banner.districtId !== 'city' ? banner.districtId : undefined;
    return district ? t('supervisor.surge.inDistrict', { label: name, district: unitName(district) }) : name;
  };
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
                {onAnnounce !== undefined && (
                  <Button size="small" onClick={() => onAnnounce(lead.announcement)}>
                    {t('announce.fromSurge')}
                  </Button>
                )}
              </Space>
            }
          />
        );
      })}
    </Space>
  );
}
