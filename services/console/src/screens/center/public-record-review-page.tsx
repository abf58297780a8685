import { useState } from 'react';
import { Button, Card, Descriptions, Input, Modal, Space, Tag, Typography } from 'antd';
import type { PublicRecordReviewItem } from '@hotline/contracts';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { CaseNumberLink } from '../../components/case-link';
import { useCategoryName } from '../../components/use-category-name';
import { useLiveReload } from '../../components/use-live-reload';
import { useRequest } from '../../components/use-request';
import { useUnitName } from '../../components/use-unit-name';
import { useInstant, useT } from '../../i18n';
import { listPublicRecordReviews } from './center-api';
import { useCaseAction } from './use-case-action';

/**
 * 办件公开审核: nothing reaches the portal's public record before the center has read it. Each
 * closed case comes with its request and answer, personal data already taken out; the reviewer
 * corrects the words and publishes, or withholds the case with a reason.
 */
export function PublicRecordReviewPage() {
  const t = useT();
  const [position, setPosition] = useState<number | undefined>(undefined);
  const result = useRequest(
    () => listPublicRecordReviews(position),
    `public-record-reviews:${position ?? 0}`,
  );
  useLiveReload(
    result.reload,
    (event) => event.type === 'CaseClosed' || event.type === 'CasePublicRecordReviewed',
  );
  const items = result.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('center.publicRecord.title')}
        subTitle={t('center.publicRecord.hint', { count: result.data?.total ?? 0 })}
      />
      <ErrorAlert error={result.error} />
      {items.length === 0 && !result.loading ? (
        <EmptyState description={t('center.publicRecord.none')} />
      ) : null}
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {items.map((item) => (
          <ReviewCard key={item.caseId} item={item} onDone={setPosition} />
        ))}
      </Space>
    </>
  );
}

function ReviewCard({ item, onDone }: { item: PublicRecordReviewItem; onDone: (position: number) => void }) {
  const t = useT();
  const instant = useInstant();
  const categoryName = useCategoryName();
  const unitName = useUnitName();
  const [content, setContent] = useState(item.proposed.content);
  const [answer, setAnswer] = useState(item.proposed.answer);
  const [withholding, setWithholding] = useState(false);
  const [reason, setReason] = useState('');
  // One command id per card: a retried click is the same decision.
  const { busy, error, send } = useCaseAction(onDone);
  const decide = (body: Record<string, unknown>) => send(item.caseId, 'public-record-review', body);

  return (
    <Card
      size="small"
      title={
        <Space>
          <CaseNumberLink area="center" caseNumber={item.caseNumber} />
          <Tag>{t(`type.${item.type}`)}</Tag>
          {item.redacted ? <Tag color="blue">{t('center.publicRecord.redacted')}</Tag> : null}
        </Space>
      }
      extra={
        <Space>
          <Button danger disabled={busy} onClick={() => setWithholding(true)}>
            {t('center.publicRecord.withhold')}
          </Button>
          <Button
            type="primary"
            loading={busy}
            disabled={content.trim() === '' || answer.trim() === ''}
            onClick={() =>
              void decide({ decision: 'publish', content: content.trim(), answer: answer.trim() })
            }
          >
            {t('center.publicRecord.publish')}
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('center.publicRecord.category')}>
          {categoryName(item.categoryCode)}
        </Descriptions.Item>
        <Descriptions.Item label={t('center.publicRecord.district')}>
          {unitName(item.districtId)}
        </Descriptions.Item>
        <Descriptions.Item label={t('center.publicRecord.closedAt')}>
          {instant(item.closedAt)}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>{t('center.publicRecord.request')}</Typography.Text>
      <Input.TextArea
        aria-label={t('center.publicRecord.request')}
        value={content}
        onChange={(event) => setContent(event.target.value)}
        autoSize={{ minRows: 2, maxRows: 6 }}
      />
      <Typography.Text strong>{t('center.publicRecord.answer')}</Typography.Text>
      <Input.TextArea
        aria-label={t('center.publicRecord.answer')}
        value={answer}
        onChange={(event) => setAnswer(event.target.value)}
        autoSize={{ minRows: 2, maxRows: 6 }}
      />
      <ErrorAlert error={error} />
      <Modal
        open={withholding}
        title={t('center.publicRecord.withholdTitle', { number: item.caseNumber })}
        okText={t('center.publicRecord.withhold')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: busy }}
        onOk={() => void decide({ decision: 'withhold', reason: reason.trim() })}
        onCancel={() => setWithholding(false)}
      >
        <Input.TextArea
          aria-label={t('center.publicRecord.reason')}
          placeholder={t('center.publicRecord.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          autoSize={{ minRows: 2, maxRows: 5 }}
        />
      </Modal>
    </Card>
  );
}
