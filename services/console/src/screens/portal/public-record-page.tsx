import { useCallback, useEffect, useState } from 'react';
import { Card, Input, List, Space, Tag, Typography } from 'antd';
import type { PublicCaseRecordPage } from '@hotline/contracts';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useCategoryName } from '../../components/use-category-name';
import { useT } from '../../i18n';
import { listPublicRecord } from './portal-api';

const PAGE_SIZE = 10;

/** 办件公开: how the hotline answered other citizens, with their personal data removed. */
export function PublicRecordPage() {
  const t = useT();
  const categoryName = useCategoryName();
  const [query, setQuery] = useState<{ q?: string; page: number }>({ page: 1 });
  const [record, setRecord] = useState<PublicCaseRecordPage>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (q: string | undefined, page: number) => {
    setBusy(true);
    setError(undefined);
    try {
      setRecord(await listPublicRecord({ ...(q ? { q } : {}), page, pageSize: PAGE_SIZE }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => void load(query.q, query.page), [load, query]);

  const day = (iso: string) => iso.slice(0, 10);

  return (
    <>
      <PageHeader title={t('portal.record.title')} subTitle={t('portal.record.intro')} />
      <Card>
        <label htmlFor="record-query" className="field-label">
          {t('portal.record.query')}
        </label>
        <Input.Search
          id="record-query"
          enterButton={t('portal.record.search')}
          allowClear
          loading={busy}
          maxLength={100}
          onSearch={(q) => setQuery({ ...(q.trim() ? { q: q.trim() } : {}), page: 1 })}
        />
      </Card>
      {error !== undefined && (
        <div className="section">
          <ErrorAlert error={error} />
        </div>
      )}
      {record !== undefined && (
        <Card className="section">
          {record.total === 0 ? (
            <EmptyState description={t('portal.record.none')} />
          ) : (
            <List
              itemLayout="vertical"
              loading={busy}
              dataSource={record.items}
              pagination={{
                current: record.page,
                pageSize: record.pageSize,
                total: record.total,
                showSizeChanger: false,
                onChange: (page) => setQuery((previous) => ({ ...previous, page })),
              }}
              renderItem={(entry) => (
                <List.Item key={entry.caseNumber}>
                  <Space wrap size="small">
                    <Tag>{t(`type.${entry.type}`)}</Tag>
                    <Typography.Text type="secondary">{categoryName(entry.categoryCode)}</Typography.Text>
                    <Typography.Text type="secondary">
                      {t('portal.record.dates', {
                        registered: day(entry.registeredAt),
                        closed: day(entry.closedAt),
                      })}
                    </Typography.Text>
                  </Space>
                  <Typography.Title level={2} className="hit-title">
                    {t('portal.record.request')}
                  </Typography.Title>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                    {entry.request}
                  </Typography.Paragraph>
                  <Typography.Title level={2} className="hit-title">
                    {t('portal.record.answer')}
                  </Typography.Title>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                    {entry.answer}
                  </Typography.Paragraph>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </>
  );
}
