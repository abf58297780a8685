import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import type { CaseDetailView, CaseTimelineEntry } from '@hotline/contracts';
import { AttachmentList } from '../../components/attachment-list';
import { CaseColourTag, CaseStatusTag, CaseTimeline, ErrorAlert, PageHeader } from '../../components';
import { useCategoryName } from '../../components/use-category-name';
import { CaseNotesCard } from '../../components/case-notes-card';
import { useInstant, useT } from '../../i18n';
import { useLive } from '../../live/use-live';
import { getCase, getTimeline } from './unit-api';
import { UnitActions } from './unit-actions';
import { Loading } from '../../components/loading';
import { useCaseRecordings } from '../recordings/use-case-recordings';

/**
 * Who to contact: the unit must reach the citizen within one working day of signing, so it sees the
 * name and the number (a link that dials); a confidential citizen is reached through the center.
 */
function CitizenContact({ citizen }: { citizen: CaseDetailView['citizen'] }) {
  const t = useT();
  if (citizen.confidential === true) return <>{t('unit.case.citizenConfidential')}</>;
  if (citizen.phone === undefined) return <>{citizen.name ?? t('unit.case.citizenAnonymous')}</>;
  return (
    <>
      {citizen.name ?? t('unit.case.citizenAnonymous')} · <a href={`tel:${citizen.phone}`}>{citizen.phone}</a>
    </>
  );
}

/** One case as the unit sees it: the matter, the deadline, the steps so far and what it may do now. */
export function UnitCasePage({ unitId }: { unitId: string }) {
  const t = useT();
  const categoryName = useCategoryName();
  const instant = useInstant();
  const { caseId = '' } = useParams();
  const [detail, setDetail] = useState<CaseDetailView>();
  const [timeline, setTimeline] = useState<CaseTimelineEntry[]>([]);
  const [error, setError] = useState<unknown>();
  // The calls recorded for this case (a unit hears only its own cases' calls).
  const calls = useCaseRecordings(detail?.caseNumber);

  const load = useCallback(
    async (minPosition?: number) => {
      try {
        const [view, entries] = await Promise.all([
          getCase(caseId, minPosition),
          getTimeline(caseId, minPosition),
        ]);
        setDetail(view);
        setTimeline(entries);
        setError(undefined);
      } catch (caught) {
        setError(caught);
      }
    },
    [caseId],
  );

  useEffect(() => {
    void load();
  }, [load]);

  useLive((event) => {
    if (event.caseId === caseId || event.caseId === detail?.caseId) void load(Number(event.position));
  });

  const back = (
    <Link to="/unit">
      <Button icon={<ArrowLeftOutlined aria-hidden />}>{t('unit.case.back')}</Button>
    </Link>
  );
  if (detail === undefined) {
    return error !== undefined ? (
      <>
        <PageHeader title={t('unit.case.title')} extra={back} />
        <ErrorAlert error={error} />
      </>
    ) : (
      <div className="centered" role="status">
        <Loading />
      </div>
    );
  }

  const mine = detail.units.find((unit) => unit.unitId === unitId);
  return (
    <>
      <PageHeader
        title={t('unit.case.heading', { number: detail.caseNumber })}
        subTitle={detail.title}
        extra={back}
      />
      {error !== undefined && <ErrorAlert error={error} />}
      <CaseNotesCard entries={timeline} only={['instruction', 'sentBack', 'extensionDecision', 'dispatch']} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title={t('unit.case.details')}>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('unit.case.status')}>
                <CaseStatusTag status={detail.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('unit.case.deadline')}>
                {detail.colour !== undefined ? (
                  <CaseColourTag
                    colour={detail.colour}
                    {...(detail.dueAt !== undefined ? { dueAt: detail.dueAt } : {})}
                  />
                ) : detail.dueAt !== undefined ? (
                  instant(detail.dueAt)
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('unit.inbox.type')}>
                {t(`caseType.${detail.type}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('unit.case.category')}>
                {categoryName(detail.categoryCode)}
              </Descriptions.Item>
              <Descriptions.Item label={t('unit.case.myRole')}>
                {mine !== undefined ? (
                  <>
                    {t(`unit.role.${mine.role}`)} <Tag>{t(`unit.taskStatus.${mine.status}`)}</Tag>
                  </>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('unit.case.citizen')} span={2}>
                <CitizenContact citizen={detail.citizen} />
              </Descriptions.Item>
              <Descriptions.Item label={t('unit.case.address')} span={2}>
                {detail.place?.address ?? detail.address ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('unit.case.registeredAt')}>
                {instant(detail.registeredAt)}
              </Descriptions.Item>
              {detail.pendingExtension !== undefined && (
                <Descriptions.Item label={t('unit.extensionPending')}>
                  {instant(detail.pendingExtension.requestedDueAt)}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Title level={2} className="hit-title section">
              {t('unit.case.content')}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="case-content">
              {detail.content}
            </Typography.Paragraph>
            <AttachmentList attachments={detail.attachments} caseId={detail.caseId} />
            {detail.reply !== undefined && (
              <>
                <Typography.Title level={2} className="hit-title section">
                  {t('unit.case.reply')}
                </Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  {detail.reply.result}
                </Typography.Paragraph>
                <AttachmentList attachments={detail.reply.attachments} caseId={detail.caseId} />
              </>
            )}
          </Card>
          {mine !== undefined && (
            <UnitActions detail={detail} task={mine} onDone={(position) => void load(position)} />
          )}
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t('unit.case.timeline')}>
            <CaseTimeline entries={timeline} calls={calls} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
