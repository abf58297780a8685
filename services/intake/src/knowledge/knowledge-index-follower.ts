import type {
  KnowledgeArticleEvent,
  KnowledgeArticleView,
  KnowledgeHit,
  RecordedEvent,
} from '@hotline/contracts';
import { MemoryFollower, type ProjectionSource } from '@hotline/infra/projection';
import type { Logger } from '@hotline/infra/telemetry';
import { knowledgeArticleDecider } from './knowledge-article.decider';
import { servedContent, type KnowledgeArticleState } from './knowledge-article.state';
import { KnowledgeSearchIndex } from './knowledge-search-index';

/**
 * The knowledge search index of this process: follows the article events from the store, folds
 * each article and keeps its served version indexed. Rebuilt from the events at every start (the
 * knowledge base is small), so every replica of the service searches its own copy.
 */
export class KnowledgeIndexFollower {
  private readonly index = new KnowledgeSearchIndex();
  private readonly articles = new Map<string, KnowledgeArticleState>();
  private readonly follower: MemoryFollower;

  constructor(source: ProjectionSource, logger: Logger, readAfterWriteTimeoutMs: number) {
    this.follower = new MemoryFollower({
      name: 'the knowledge index',
      source,
      filter: { streamPrefixes: ['kbArticle-'] },
      logger,
      readAfterWriteTimeoutMs,
      apply: (event) => this.apply(event),
    });
  }

  get live(): boolean {
    return this.follower.live;
  }

  start(): void {
    this.follower.start();
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  search(query: string, options: { now: Date; limit: number; categoryCode?: string }): KnowledgeHit[] {
    return this.index.search(query, options);
  }

  article(articleId: string): KnowledgeArticleView | undefined {
    const state = this.articles.get(articleId);
    if (!state?.exists) return undefined;
    const served = servedContent(state);
    return {
      articleId,
      latestVersion: state.latestVersion,
      latestStatus: state.latestStatus ?? 'in-review',
      ...(served && state.servedVersion !== undefined
        ? { served: { version: state.servedVersion, ...served } }
        : {}),
    };
  }

  /** Read-after-write: waits until the index has applied the event at `position`. */
  waitFor(position: number | undefined): Promise<void> {
    return this.follower.waitFor(position);
  }

  private apply(event: RecordedEvent): void {
    const articleEvent = { type: event.type, data: event.data } as KnowledgeArticleEvent;
    const articleId = articleEvent.data.articleId;
    const state = knowledgeArticleDecider.evolve(
      this.articles.get(articleId) ?? knowledgeArticleDecider.initialState(),
      articleEvent,
    );
    this.articles.set(articleId, state);
    const served = servedContent(state);
    if (served && state.servedVersion !== undefined)
      this.index.upsert(articleId, state.servedVersion, served);
    else this.index.remove(articleId);
  }
}
