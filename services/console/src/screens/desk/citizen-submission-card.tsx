import { Card, Descriptions, Tag } from 'antd';
// Deep imports: the contracts' index would bring zod and every schema into the desk's chunk.
import { CITY_DISTRICT } from '@hotline/contracts/src/kernel/city-district';
import { districtPlaceName } from '@hotline/contracts/src/workflow/units/place-names';
import { AttachmentList } from '../../components/attachment-list';
import { CardTitle } from '../../components/text-parts';
import { useUnitName } from '../../components/use-unit-name';
import { useT } from '../../i18n';
import type { ContactView } from './desk-api';

/**
 * What the citizen sent with a waiting message, beside the form the agent fills from it: the photos
 * (open full size), the place with its coordinates, and the district the message belongs to (picked
 * by the citizen or read from the address), so nothing is asked again or typed twice.
 */
export function CitizenSubmissionCard({ contact }: { contact: ContactView }) {
  const t = useT();
  const unitName = useUnitName();
  const { place } = contact;
  const cityWide = contact.districtId === CITY_DISTRICT;
  return (
    <Card size="small" title={<CardTitle>{t('desk.submission.title')}</CardTitle>}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('desk.submission.place')}>
          {place === undefined ? t('desk.submission.noPlace') : place.address}
        </Descriptions.Item>
        {place?.lat !== undefined && place.lng !== undefined && (
          <Descriptions.Item label={t('desk.submission.coordinates')}>
            {t('desk.submission.latLng', { lat: place.lat.toFixed(5), lng: place.lng.toFixed(5) })}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('desk.submission.district')}>
          <span>
            {cityWide
              ? t('desk.submission.districtUnknown')
              : districtPlaceName(unitName(contact.districtId))}
          </span>
          {!cityWide && (
            <Tag style={{ marginInlineStart: 8 }}>
              {contact.districtFrom === 'address'
                ? t('desk.submission.fromAddress')
                : t('desk.submission.picked')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('desk.submission.files')}>
          <AttachmentList attachments={contact.attachments ?? []} />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
