import { useState } from 'react';
import { Card, Collapse, Input, List, Tag, Typography } from 'antd';
import type { KnowledgeHit } from '@hotline/contracts';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useT } from '../../i18n';
import { searchKnowledge } from './portal-api';
import { useRequest } from '../../components/use-request';
import { faqEntries } from '../knowledge/knowledge-api';

/** Self-service answers: the FAQ (articles served now), then the approved articles searched, without an account. */
export function KnowledgePage() {
  const t = useT();
  const [hits, setHits] = useState<KnowledgeHit[]>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  // What citizens ask most, answered before they type anything.
  const faq = useRequest(faqEntries, 'portal-faq');

  const search = async (q: string) => {
    if (q.trim() === '') return;
    setBusy(true);
    setError(undefined);
    try {
      setHits((await searchKnowledge(q.trim())).hits);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('portal.knowledge.title')} subTitle={t('portal.knowledge.intro')} />
      <Card>
        <label htmlFor="knowledge-query" className="field-label">
          {t('portal.knowledge.query')}
        </label>
        <Input.Search
          id="knowledge-query"
          enterButton={t('portal.knowledge.search')}
          loading={busy}
          maxLength={500}
          onSearch={(q) => void search(q)}
        />
      </Card>
      {error !== undefined && (
        <div className="section">
          <ErrorAlert error={error} />
        </div>
      )}
      {hits === undefined && (faq.data?.length ?? 0) > 0 && (
        <Card className="section" title={<h2 className="hit-title">{t('knowledge.faq.title')}</h2>}>
          <Collapse
            items={(faq.data ?? []).map((entry) => ({
              key: entry.articleId,
              label: entry.title,
              children: (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{entry.body}</Typography.Paragraph>
              ),
            }))}
          />
        </Card>
      )}
      {hits !== undefined && (
        <Card className="section">
          {hits.length === 0 ? (
            <EmptyState description={t('portal.knowledge.none')} />
          ) : (
            <List
              itemLayout="vertical"
              dataSource={hits}
              renderItem={(hit) => (
                <List.Item key={hit.articleId}>
                  <Typography.Title level={2} className="hit-title">
                    {hit.title}
                  </Typography.Title>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                    {hit.excerpt}
                  </Typography.Paragraph>
                  {hit.tags.map((tag) => (
                    <Tag key={tag}>{tag}</Tag>
                  ))}
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </>
  );
}
