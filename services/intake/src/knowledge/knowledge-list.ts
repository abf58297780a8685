import type { KnowledgeArticleListItem } from '@hotline/contracts';
import type { EventStore } from '@hotline/infra/event-store';
import { knowledgeArticleAggregate } from './knowledge-article.aggregate';
import type { KnowledgeArticleState } from './knowledge-article.state';

/**
 * An article as the editor lists it: its newest version, and for a version sent back the center's
 * note, read from the article's own stream (the folded state keeps no notes, and only the sent-back
 * articles of a list need one).
 */
export async function knowledgeListItem(
  store: EventStore,
  state: KnowledgeArticleState,
): Promise<KnowledgeArticleListItem> {
  const articleId = state.articleId ?? '';
  const latest = state.versions[state.latestVersion];
  const status = state.latestStatus ?? 'in-review';
  let reviewNote: string | undefined;
  if (status === 'rejected') {
    const { events } = await knowledgeArticleAggregate.load(store, articleId);
    const rejected = events.filter((event) => event.type === 'KnowledgeArticleRejected').at(-1);
    reviewNote = (rejected?.data as { note?: string } | undefined)?.note;
  }
  return {
    articleId,
    latestVersion: state.latestVersion,
    latestStatus: status,
    latest: {
      title: latest?.title ?? '',
      body: latest?.body ?? '',
      ...(latest?.categoryCode ? { categoryCode: latest.categoryCode } : {}),
      tags: latest?.tags ?? [],
      owningUnitId: latest?.owningUnitId ?? '',
    },
    ...(state.servedVersion !== undefined ? { servedVersion: state.servedVersion } : {}),
    ...(reviewNote !== undefined ? { reviewNote } : {}),
  };
}
