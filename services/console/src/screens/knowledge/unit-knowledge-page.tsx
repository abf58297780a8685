import { useState } from 'react';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useCategoryName } from '../../components/use-category-name';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import { ArticleFormModal } from './article-form-modal';
import { listArticles, type KnowledgeArticleListItem } from './knowledge-api';
import { KnowledgeStatusTag } from './knowledge-status-tag';

/**
 * A handling unit's proposals to the knowledge base: each with where it stands, the center's note
 * when it came back (written again from here), and a new proposal.
 */
export function UnitKnowledgePage({ unitId }: { unitId: string }) {
  const t = useT();
  const categoryName = useCategoryName();
  const [minPosition, setMinPosition] = useState<number | undefined>(undefined);
  const articles = useRequest(() => listArticles(undefined, minPosition), `kb:unit:${minPosition ?? 0}`);
  const [writing, setWriting] = useState<{ revising?: KnowledgeArticleListItem } | undefined>(undefined);

  return (
    <>
      <PageHeader
        title={t('knowledge.unit.title')}
        subTitle={t('knowledge.unit.intro')}
        extra={
          <Button type="primary" onClick={() => setWriting({})}>
            {t('knowledge.propose')}
          </Button>
        }
      />
      <ErrorAlert error={articles.error} />
      <Card size="small">
        <List
          loading={articles.loading}
          dataSource={articles.data ?? []}
          locale={{ emptyText: <EmptyState description={t('knowledge.unit.none')} /> }}
          renderItem={(item) => (
            <List.Item
              key={item.articleId}
              actions={
                item.latestStatus === 'rejected'
                  ? [
                      <Button key="revise" onClick={() => setWriting({ revising: item })}>
                        {t('knowledge.revise')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Typography.Text strong>{item.latest.title}</Typography.Text>
                    <KnowledgeStatusTag status={item.latestStatus} />
                  </Space>
                }
                description={
                  <>
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
                      {item.latest.body}
                    </Typography.Paragraph>
                    {item.latest.categoryCode !== undefined && (
                      <Tag>{categoryName(item.latest.categoryCode)}</Tag>
                    )}
                    {item.latest.tags.map((tag) => (
                      <Tag key={tag}>{tag}</Tag>
                    ))}
                    {item.reviewNote !== undefined && (
                      <Alert
                        type="warning"
                        showIcon
                        style={{ marginTop: 8 }}
                        title={t('knowledge.sentBackNote', { note: item.reviewNote })}
                      />
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {writing !== undefined && (
        <ArticleFormModal
          owningUnitId={unitId}
          {...(writing.revising !== undefined ? { revising: writing.revising } : {})}
          onCancel={() => setWriting(undefined)}
          onDone={(position) => {
            setWriting(undefined);
            setMinPosition(position);
          }}
        />
      )}
    </>
  );
}
