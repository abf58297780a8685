import { useState } from 'react';
import { Alert, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { CaseUnitView } from '@hotline/contracts';
import { AttachmentList } from '../../components/attachment-list';
import {
  CaseColourTag,
  CaseStatusTag,
  CaseTimeline,
  EmptyState,
  ErrorAlert,
  PageHeader,
} from '../../components';
import { CaseNotesCard } from '../../components/case-notes-card';
import { caseHref } from '../../components/case-link';
import { useUnitName } from '../../components/use-unit-name';
import { CardTitle } from '../../components/text-parts';
import { useCategoryName } from '../../components/use-category-name';
import { useLiveReload } from '../../components/use-live-reload';
import { useRequest } from '../../components/use-request';
import { useInstant, useT } from '../../i18n';
import { CaseActions } from './case-actions';
import { getCase, getRepeats, getTimeline } from './center-api';
import { Loading } from '../../components/loading';
import { useCaseRecordings } from '../recordings/use-case-recordings';

/**
 * A case with everything the center decides on, its actions and its full timeline. On the desk
 * (`area="desk"`, the agents' case lookup for "where is my case?") the same page without actions.
 */
export function CaseDetailPage({ area = 'center' }: { area?: 'center' | 'desk' }) {
  const t = useT();
  const { caseId = '' } = useParams();
  const [minPosition, setMinPosition] = useState<number | undefined>(undefined);
  const detail = useRequest(() => getCase(caseId, minPosition), `case:${caseId}:${minPosition ?? 0}`);
  const timeline = useRequest(() => getTimeline(caseId, minPosition), `tl:${caseId}:${minPosition ?? 0}`);
  const instant = useInstant();
  const when = (at?: string) => (at ? <time dateTime={at}>{instant(at)}</time> : '—');
  const repeats = useRequest(() => getRepeats(caseId), `repeats:${caseId}:${minPosition ?? 0}`);
  const categoryName = useCategoryName();
  const unitName = useUnitName();
  // The case's recorded calls, in time among its steps (hooks run before the early returns below).
  const calls = useCaseRecordings(detail.data?.caseNumber);
  useLiveReload(
    () => {
      detail.reload();
      timeline.reload();
    },
    (event) => event.caseId === caseId || event.caseId === detail.data?.caseId,
    1000,
  );

  const view = detail.data;
  if (view === undefined) {
    return detail.error !== undefined ? (
      <>
        <PageHeader title={t('center.detail.title', { number: caseId })} />
        <ErrorAlert error={detail.error} />
      </>
    ) : (
      <div className="centered">
        <Loading />
      </div>
    );
  }
  const citizen = view.citizen;
  // Answered at intake, not accepted or merged: no unit ever had it, so no dispatch deadline applies.
  const closedWithoutUnits = view.units.length === 0 && view.closedAt !== undefined;
  return (
    <>
      <PageHeader
        title={t('center.detail.title', { number: view.caseNumber })}
        subTitle={
          <Space wrap>
            <CaseStatusTag status={view.status} />
            <CaseColourTag colour={view.colour} dueAt={view.deadlineAt} />
            {view.urgency === 'urgent' && <Tag color="red">{t('center.detail.urgent')}</Tag>}
            {view.underSupervision && <Tag color="orange">{t('center.detail.supervised')}</Tag>}
            {view.reportedToLeader && <Tag color="purple">{t('center.detail.reported')}</Tag>}
            {view.leaderInstructionCount > 0 && (
              <Tag color="purple">
                {t('center.detail.instructions', { count: view.leaderInstructionCount })}
              </Tag>
            )}
          </Space>
        }
        extra={<Link to={`/${area}/cases`}>{t('center.detail.back')}</Link>}
      />
      {area === 'center' && (
        <Card
          size="small"
          style={{ marginBottom: 16 }}
          title={<CardTitle>{t('center.detail.actions')}</CardTitle>}
        >
          <CaseActions detail={view} timeline={timeline.data} onChanged={setMinPosition} />
        </Card>
      )}
      <CaseNotesCard entries={timeline.data} />
      {view.pendingExtension !== undefined && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('center.detail.extension', {
            unit: unitName(view.pendingExtension.unitId),
            due: instant(view.pendingExtension.requestedDueAt),
            days: view.pendingExtension.workingDays,
          })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title={<CardTitle>{t('center.detail.case')}</CardTitle>}>
              <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
                <Descriptions.Item label={t('case.type')}>{t(`type.${view.type}`)}</Descriptions.Item>
                <Descriptions.Item label={t('case.category')}>
                  {categoryName(view.categoryCode)}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.channel')}>
                  {t(`channel.${view.channel}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.district')}>{unitName(view.districtId)}</Descriptions.Item>
                <Descriptions.Item label={t('case.registeredAt')}>
                  {when(view.registeredAt)}
                </Descriptions.Item>
                {!closedWithoutUnits && (
                  <Descriptions.Item label={t('case.dispatchBy')}>{when(view.dispatchBy)}</Descriptions.Item>
                )}
                <Descriptions.Item label={t('case.dueAt')}>{when(view.dueAt)}</Descriptions.Item>
                <Descriptions.Item label={t('case.limit')}>
                  {view.limitWorkingDays !== undefined
                    ? t('center.detail.limit', {
                        days: view.limitWorkingDays,
                        extended: view.extendedWorkingDays,
                      })
                    : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.citizen')}>
                  {[citizen.name, citizen.phone].filter(Boolean).join(' · ') || '—'}
                  {citizen.confidential === true && (
                    <Tag style={{ marginLeft: 8 }}>{t('center.detail.confidential')}</Tag>
                  )}
                  {citizen.anonymous === true && (
                    <Tag style={{ marginLeft: 8 }}>{t('center.detail.anonymous')}</Tag>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.place')}>
                  {view.place?.address ?? view.address ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.counts')} span={2}>
                  {t('center.detail.counts', {
                    returns: view.returnCount,
                    redos: view.redoCount,
                    repeats: repeats.data?.repeats ?? '—',
                  })}
                </Descriptions.Item>
                <Descriptions.Item label={t('case.content')} span={2}>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                    {view.content}
                  </Typography.Paragraph>
                </Descriptions.Item>
                <Descriptions.Item label={t('case.attachments')} span={2}>
                  <AttachmentList attachments={view.attachments} caseId={view.caseId} />
                </Descriptions.Item>
                {(view.masterCaseId !== undefined || view.duplicateCaseIds.length > 0) && (
                  <Descriptions.Item label={t('case.duplicates')} span={2}>
                    <Space wrap>
                      {view.masterCaseId !== undefined && (
                        <Link to={caseHref(area, view.masterCaseId)}>{t('center.detail.master')}</Link>
                      )}
                      {view.duplicateCaseIds.map((id, index) => (
                        <Link key={id} to={caseHref(area, id)}>
                          {t('center.detail.duplicate', { n: index + 1 })}
                        </Link>
                      ))}
                    </Space>
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            <Card size="small" title={<CardTitle>{t('center.detail.units')}</CardTitle>}>
              <Table<CaseUnitView>
                size="small"
                rowKey="unitId"
                pagination={false}
                dataSource={view.units}
                locale={{
                  emptyText: (
                    <EmptyState
                      description={t(
                        closedWithoutUnits ? 'center.detail.noUnitsClosed' : 'center.detail.noUnitsYet',
                      )}
                    />
                  ),
                }}
                columns={[
                  { title: t('case.unit'), dataIndex: 'unitId', render: (id: string) => unitName(id) },
                  {
                    title: t('case.unitRole'),
                    dataIndex: 'role',
                    render: (role: string) => t(`center.role.${role}`),
                  },
                  {
                    title: t('case.unitStatus'),
                    dataIndex: 'status',
                    render: (status: string) => {
                      const label = t(`center.unitStatus.${status}`);
                      return label === `center.unitStatus.${status}` ? status : label;
                    },
                  },
                  { title: t('case.signBy'), dataIndex: 'signBy', render: when },
                  { title: t('case.dueAt'), dataIndex: 'dueAt', render: when },
                ]}
              />
            </Card>
            {view.reply !== undefined && (
              <Card size="small" title={<CardTitle>{t('center.detail.reply')}</CardTitle>}>
                <Typography.Paragraph type="secondary">
                  {unitName(view.reply.unitId)} · {when(view.reply.at)}
                </Typography.Paragraph>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  {view.reply.result}
                </Typography.Paragraph>
                {view.reply.attachments.length > 0 && (
                  <AttachmentList attachments={view.reply.attachments} caseId={view.caseId} />
                )}
              </Card>
            )}
            {view.lastCallback !== undefined && (
              <Card size="small" title={<CardTitle>{t('center.detail.callback')}</CardTitle>}>
                <Space wrap>
                  {when(view.lastCallback.at)}
                  {!view.lastCallback.reached && <Tag>{t('callback.reached.no')}</Tag>}
                  {Object.entries(view.lastCallback.ratings ?? {}).map(([dimension, rating]) => (
                    <Tag key={dimension}>
                      {t(`callback.${dimension}`)}：{t(`rating.${rating}`)}
                    </Tag>
                  ))}
                  {view.lastCallback.redoRequired && <Tag color="red">{t('center.detail.redoRequired')}</Tag>}
                </Space>
              </Card>
            )}
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title={<CardTitle>{t('center.detail.timeline')}</CardTitle>}>
            {timeline.loading && timeline.data === undefined && <Loading />}
            <ErrorAlert error={timeline.error} />
            {timeline.data !== undefined && (
              <CaseTimeline entries={timeline.data} caseLink={(id) => caseHref(area, id)} calls={calls} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
