import { Card, Col, List, Row, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert, PageHeader } from '../../components';
import { useCategoryName } from '../../components/use-category-name';
import { useRequest } from '../../components/use-request';
import { useUnitName } from '../../components/use-unit-name';
import { useInstant, useT } from '../../i18n';
import { getDigest, type DigestCase } from './reports-api';
import { TopicsPanel } from './topics-panel';

const COUNTS = ['registered', 'completed', 'closed', 'dissatisfied', 'repeatContacts'] as const;

/** The leaders' daily digest (要情): yesterday in numbers, the cases to look at, hot topics and surges. */
export function DigestPage() {
  const t = useT();
  const instant = useInstant();
  const digest = useRequest(() => getDigest(), 'digest');
  // The digest's day is a calendar day in the city: read as the city writes its dates, never as ISO.
  const day = digest.data ? instant(`${digest.data.date}T12:00:00+08:00`, 'date') : '';
  const unitName = useUnitName();
  const categoryName = useCategoryName();
  const cases = (title: string, list: DigestCase[] | undefined) => (
    <Card size="small" title={title}>
      <List
        size="small"
        dataSource={list ?? []}
        locale={{ emptyText: t('reports.digest.none') }}
        renderItem={(item) => (
          <List.Item>
            <Space direction="vertical" size={0}>
              <Space wrap>
                <Link to={`/center/cases/${encodeURIComponent(item._id)}`}>{item.caseNumber}</Link>
                <Typography.Text type="secondary">{categoryName(item.categoryCode)}</Typography.Text>
                {item.unitId !== '-' && (
                  <Typography.Text type="secondary">{unitName(item.unitId)}</Typography.Text>
                )}
              </Space>
              <span>{item.summary}</span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
  return (
    <>
      <PageHeader title={t('reports.digestTitle', { date: day })} />
      <ErrorAlert error={digest.error} />
      {digest.data && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[12, 12]}>
            {COUNTS.map((key) => (
              <Col xs={12} md={4} key={key}>
                <Card size="small">
                  <Statistic title={t(`reports.digest.${key}`)} value={digest.data?.counts[key] ?? 0} />
                </Card>
              </Col>
            ))}
            <Col xs={12} md={4}>
              <Card size="small">
                <Statistic
                  title={t('reports.digest.overdue')}
                  value={digest.data.overdue}
                  valueStyle={{ color: digest.data.overdue > 0 ? '#cf1322' : undefined }}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={8}>
              {cases(t('reports.digest.serious'), digest.data.serious)}
            </Col>
            <Col xs={24} md={8}>
              {cases(t('reports.digest.dissatisfiedCases'), digest.data.dissatisfied)}
            </Col>
            <Col xs={24} md={8}>
              {cases(t('reports.digest.overdueCases'), digest.data.overdueCases)}
            </Col>
          </Row>
          <TopicsPanel />
        </Space>
      )}
    </>
  );
}
