import { useState } from 'react';
import { Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useCategoryName } from '../../components/use-category-name';
import { useRequest } from '../../components/use-request';
import { useUnitName } from '../../components/use-unit-name';
import { useT } from '../../i18n';
import {
  KNOWLEDGE_STATUSES,
  listArticles,
  type KnowledgeArticleListItem,
  type KnowledgeReviewStatus,
} from './knowledge-api';
import { KnowledgeDecisionModal, type KnowledgeDecision } from './knowledge-decision-modal';
import { KnowledgeStatusTag } from './knowledge-status-tag';

/**
 * The center's knowledge base: the proposals waiting for review first (publish, or send back with
 * a note), then what is published (retire), sent back or retired. Each row opens to the answer.
 */
export function CenterKnowledgePage() {
  const t = useT();
  const unitName = useUnitName();
  const categoryName = useCategoryName();
  const [status, setStatus] = useState<KnowledgeReviewStatus>('in-review');
  const [minPosition, setMinPosition] = useState<number | undefined>(undefined);
  const articles = useRequest(
    () => listArticles(status, minPosition),
    `kb:center:${status}:${minPosition ?? 0}`,
  );
  const [deciding, setDeciding] = useState<
    { item: KnowledgeArticleListItem; decision: KnowledgeDecision } | undefined
  >(undefined);

  return (
    <>
      <PageHeader title={t('knowledge.center.title')} subTitle={t('knowledge.center.intro')} />
      <Card size="small">
        <Segmented
          aria-label={t('knowledge.center.which')}
          style={{ marginBottom: 12 }}
          value={status}
          onChange={(value) => setStatus(value)}
          options={KNOWLEDGE_STATUSES.map((value) => ({ value, label: t(`knowledge.status.${value}`) }))}
        />
        <ErrorAlert error={articles.error} />
        <Table<KnowledgeArticleListItem>
          rowKey="articleId"
          size="small"
          loading={articles.loading}
          dataSource={articles.data ?? []}
          locale={{ emptyText: <EmptyState description={t('knowledge.center.none')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          expandable={{
            expandedRowRender: (item) => (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {item.latest.body}
              </Typography.Paragraph>
            ),
          }}
          columns={[
            { title: t('knowledge.question'), render: (_: unknown, item) => item.latest.title },
            { title: t('knowledge.unit'), render: (_: unknown, item) => unitName(item.latest.owningUnitId) },
            {
              title: t('knowledge.category'),
              render: (_: unknown, item) =>
                item.latest.categoryCode !== undefined ? categoryName(item.latest.categoryCode) : '—',
            },
            {
              title: t('knowledge.tags'),
              render: (_: unknown, item) => item.latest.tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
            },
            {
              title: t('knowledge.state'),
              render: (_: unknown, item) => (
                <Space orientation="vertical" size={2}>
                  <KnowledgeStatusTag status={item.latestStatus} />
                  {item.reviewNote !== undefined && (
                    <Typography.Text type="secondary">{item.reviewNote}</Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('case.actions'),
              render: (_: unknown, item) => (
                <Space wrap>
                  {item.latestStatus === 'in-review' && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setDeciding({ item, decision: 'publish' })}
                      aria-label={t('knowledge.publishOf', { title: item.latest.title })}
                    >
                      {t('knowledge.publish')}
                    </Button>
                  )}
                  {item.latestStatus === 'in-review' && (
                    <Button
                      size="small"
                      onClick={() => setDeciding({ item, decision: 'sendBack' })}
                      aria-label={t('knowledge.sendBackOf', { title: item.latest.title })}
                    >
                      {t('knowledge.sendBack')}
                    </Button>
                  )}
                  {item.servedVersion !== undefined && item.latestStatus !== 'retired' && (
                    <Button
                      size="small"
                      danger
                      onClick={() => setDeciding({ item, decision: 'retire' })}
                      aria-label={t('knowledge.retireOf', { title: item.latest.title })}
                    >
                      {t('knowledge.retire')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {deciding !== undefined && (
        <KnowledgeDecisionModal
          item={deciding.item}
          decision={deciding.decision}
          onCancel={() => setDeciding(undefined)}
          onDone={(position) => {
            setDeciding(undefined);
            setMinPosition(position);
          }}
        />
      )}
    </>
  );
}
