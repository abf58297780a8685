import { useState } from 'react';
import { Alert, Button, Card, Col, List, Row, Space, Typography } from 'antd';
import { apiPost, newCommandId } from '../../api/http';
import { ErrorAlert, ToneTag } from '../../components';
import { districtPlaceName } from '@hotline/contracts/src/workflow/units/place-names';
import { useCategoryName } from '../../components/use-category-name';
import { useUnitName } from '../../components/use-unit-name';
import { useRequest } from '../../components/use-request';
import { useInstant, useT } from '../../i18n';
import { useEventStream } from '../../live/use-live';
import { getHotTopics, getSurges, type HotTopic, type Surge } from './reports-api';

/** Hot topics of the last 30 days (category, keyword, place, with trend) and surge alerts with their one-click merge. */
export function TopicsPanel({ showSurges = true }: { showSurges?: boolean }) {
  const t = useT();
  const categoryName = useCategoryName();
  const topics = useRequest(() => getHotTopics(30), 'hot-topics');
  const name = (topic: { kind: string; key: string }) =>
    topic.kind === 'category' ? categoryName(topic.key) : topic.key;
  const trend = (topic: HotTopic) =>
    topic.trend === null
      ? t('reports.trendNew')
      : t('reports.trend', { change: `${topic.trend >= 0 ? '+' : ''}${Math.round(topic.trend * 100)}%` });
  return (
    <Row gutter={[12, 12]}>
      {showSurges && (
        <Col span={24}>
          <SurgeAlerts name={name} />
        </Col>
      )}
      {(['category', 'term', 'place'] as const).map((kind) => (
        <Col xs={24} md={8} key={kind}>
          <Card size="small" title={`${t('reports.hotTopics')} · ${t(`reports.hot.${kind}`)}`}>
            <ErrorAlert error={topics.error} />
            <List
              size="small"
              dataSource={topics.data?.topics[kind] ?? []}
              locale={{ emptyText: t('reports.noData') }}
              renderItem={(topic, index) => (
                <List.Item>
                  <Space direction="vertical" size={0} style={{ width: '100%' }}>
                    <Space>
                      <Typography.Text strong>{index + 1}</Typography.Text>
                      <span>{name(topic)}</span>
                    </Space>
                    <Space>
                      <Typography.Text>{topic.count}</Typography.Text>
                      <ToneTag tone={(topic.trend ?? 1) > 0 ? 'red' : 'green'}>{trend(topic)}</ToneTag>
                    </Space>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function SurgeAlerts({ name }: { name: (topic: { kind: string; key: string }) => string }) {
  const t = useT();
  const unitName = useUnitName();
  const surges = useRequest(() => getSurges(), 'surges');
  // A new surge is pushed on the live channel (SurgeDetected): the list is read again then, not polled.
  useEventStream('/api/live', 'surge', () => surges.reload());
  return (
    <Card size="small" title={t('reports.surges')}>
      <ErrorAlert error={surges.error} />
      {surges.data?.surges.length === 0 && (
        <Typography.Text type="secondary">{t('reports.noSurges')}</Typography.Text>
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        {surges.data?.surges.map((surge) => (
          <SurgeAlert
            key={`${surge.kind}:${surge.key}:${surge.hour}:${surge.districtId}`}
            surge={surge}
            name={
              surge.districtId === 'city'
                ? name(surge)
                : t('supervisor.surge.inDistrict', {
                    label: name(surge),
                    district: districtPlaceName(unitName(surge.districtId)),
                  })
            }
          />
        ))}
      </Space>
    </Card>
  );
}

function SurgeAlert({ surge, name }: { surge: Surge; name: string }) {
  const t = useT();
  const instant = useInstant();
  const [result, setResult] = useState<{ merged: number; skipped: number } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [master, ...duplicates] = surge.caseIds;
  // 并单 into the earliest case of the cluster; a case already dispatched cannot be merged and is counted as skipped.
  const mergeAll = async () => {
    setBusy(true);
    let merged = 0;
    for (const caseId of duplicates) {
      try {
        await apiPost(`/api/cases/${encodeURIComponent(caseId)}/merge`, {
          commandId: newCommandId(),
          masterCaseId: master,
        });
        merged += 1;
      } catch {
        // Counted below as skipped: the case is no longer waiting for dispatch.
      }
    }
    setResult({ merged, skipped: duplicates.length - merged });
    setBusy(false);
  };
  return (
    <Alert
      type="warning"
      showIcon
      message={
        <Space wrap>
          <Typography.Text strong>{name}</Typography.Text>
          <span>
            {t('reports.surgeLine', {
              hour: instant(surge.hour),
              count: surge.count,
              mean: Math.round(surge.baselineMean * 10) / 10,
            })}
          </span>
        </Space>
      }
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <div>
            <Typography.Text type="secondary">{t('reports.announcement')}：</Typography.Text>
            <Typography.Text copyable>{surge.announcement}</Typography.Text>
          </div>
          <div>{surge.caseNumbers.join('、')}</div>
          {duplicates.length > 0 && master && (
            <Button
              size="small"
              loading={busy}
              disabled={result !== undefined}
              onClick={() => void mergeAll()}
            >
              {t('reports.mergeAll', { master: surge.caseNumbers[0] ?? '' })}
            </Button>
          )}
          {result && <Typography.Text>{t('reports.merged', result)}</Typography.Text>}
        </Space>
      }
    />
  );
}
