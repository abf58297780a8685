import { forwardRef, useState } from 'react';
import { Button, Card, Input, Space, Tag, Typography, type InputRef } from 'antd';
import { EmptyState, ErrorAlert } from '../../components';
import { useDebouncedValue, useRequest } from '../../components/use-request';
import { SimpleList } from '../../components/simple-list';
import { CardTitle, FieldLabel } from '../../components/text-parts';
import { useT } from '../../i18n';
import { getArticle, searchKnowledge, type KnowledgeHit } from './desk-api';
import { Loading } from '../../components/loading';

interface Props {
  /** What the agent typed as the content; searched until the agent types a query of their own. */
  contentQuery: string;
  onAnswer: (article: { articleId: string; title: string; body: string }) => void;
  disabled: boolean;
}

/** The knowledge-base side panel: searches as the agent types; an article can answer the caller. */
export const KnowledgePanel = forwardRef<InputRef, Props>(function KnowledgePanel(
  { contentQuery, onAnswer, disabled },
  ref,
) {
  const t = useT();
  const [own, setOwn] = useState('');
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const query = useDebouncedValue((own.trim() !== '' ? own : contentQuery).trim().slice(0, 200), 400);
  const hits = useRequest(() => searchKnowledge(query), query === '' ? null : `kb:${query}`);
  const article = useRequest(
    () => getArticle(openId ?? ''),
    openId === undefined ? null : `article:${openId}`,
  );

  const [loadingBody, setLoadingBody] = useState<string | undefined>(undefined);
  const [bodyError, setBodyError] = useState<unknown>(undefined);

  // The answer quotes the whole served article, not the excerpt of the result list.
  const answerWith = async (hit: KnowledgeHit) => {
    setBodyError(undefined);
    setLoadingBody(hit.articleId);
    try {
      const loaded =
        article.data?.articleId === hit.articleId ? article.data : await getArticle(hit.articleId);
      onAnswer({ articleId: hit.articleId, title: hit.title, body: loaded.served?.body ?? hit.excerpt });
    } catch (error) {
      setBodyError(error);
    } finally {
      setLoadingBody(undefined);
    }
  };

  return (
    <Card size="small" title={<CardTitle>{t('desk.kb.title')}</CardTitle>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <FieldLabel htmlFor="desk-kb-search">{t('desk.kb.search')}</FieldLabel>
        <Input.Search
          id="desk-kb-search"
          ref={ref}
          allowClear
          value={own}
          placeholder={t('desk.kb.placeholder')}
          onChange={(event) => setOwn(event.target.value)}
          onSearch={(value) => setOwn(value)}
          enterButton={t('desk.kb.searchButton')}
        />
        {hits.loading && <Loading size="small" />}
        {hits.error !== undefined && <ErrorAlert error={hits.error} />}
        {bodyError !== undefined && <ErrorAlert error={bodyError} />}
        {query === '' ? (
          <Typography.Text type="secondary">{t('desk.kb.hint')}</Typography.Text>
        ) : hits.data !== undefined && hits.data.length === 0 ? (
          <EmptyState description={t('desk.kb.none')} />
        ) : (
          <SimpleList
            label={t('desk.kb.results')}
            items={hits.data ?? []}
            rowKey={(hit) => hit.articleId}
            render={(hit) => (
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Button
                  type="link"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                  aria-expanded={openId === hit.articleId}
                  onClick={() => setOpenId(openId === hit.articleId ? undefined : hit.articleId)}
                >
                  {hit.title}
                </Button>
                {openId === hit.articleId && article.data?.served !== undefined ? (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                    {article.data.served.body}
                  </Typography.Paragraph>
                ) : (
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ margin: 0 }}>
                    {hit.excerpt}
                  </Typography.Paragraph>
                )}
                {openId === hit.articleId && article.error !== undefined && (
                  <ErrorAlert error={article.error} />
                )}
                <Space wrap size="small">
                  {hit.tags.slice(0, 4).map((tag) => (
                    <Tag key={tag}>{tag}</Tag>
                  ))}
                  <Button
                    size="small"
                    disabled={disabled}
                    loading={loadingBody === hit.articleId}
                    onClick={() => void answerWith(hit)}
                    aria-label={t('desk.kb.answerWith', { title: hit.title })}
                  >
                    {t('desk.kb.answer')}
                  </Button>
                </Space>
              </Space>
            )}
          />
        )}
      </Space>
    </Card>
  );
});
