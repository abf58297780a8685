import type {
  KnowledgeArticleEvent,
  KnowledgeArticleView,
  KnowledgeHit,
  KnowledgeReviewStatus,
  RecordedEvent,
} from '@hotline/contracts';
import { ProjectionRunner, waitForCheckpoint, type ProjectionSource } from '@hotline/infra/projection';
import type { ReadDocument, ReadStore } from '@hotline/infra/read-store';
import type { Logger } from '@hotline/infra/telemetry';
import type { Registry } from 'prom-client';
import { knowledgeArticleDecider } from './knowledge-article.decider';
import { servedContent, type KnowledgeArticleState } from './knowledge-article.state';
import { KnowledgeSearchIndex } from './knowledge-search-index';

export const KNOWLEDGE_ARTICLES = 'intake_knowledge_articles';

/** Whether the article's served version applies at `now` (its validity window). */
function servedAt(state: KnowledgeArticleState, now: Date): boolean {
  const served = servedContent(state);
  if (served === undefined) return false;
  const time = now.getTime();
  return (
    (served.validFrom === undefined || Date.parse(served.validFrom) <= time) &&
    (served.validUntil === undefined || time < Date.parse(served.validUntil))
  );
}

interface ArticleDocument extends ReadDocument {
  _id: string;
  _pos: number;
  state: KnowledgeArticleState;
}

export interface KnowledgeIndexOptions {
  store: ReadStore;
  source: ProjectionSource;
  logger: Logger;
  readAfterWriteTimeoutMs: number;
  registry?: Registry;
}

/**
 * The knowledge search index of this process. Each article's folded state is kept in the read
 * store by a projection of the article events; at start the index is loaded from those documents
 * and the projection resumes from its checkpoint, so a start reads no old events. Every replica
 * searches its own copy in memory.
 */
export class KnowledgeIndexFollower {
  private readonly index = new KnowledgeSearchIndex();
  private readonly articles = new Map<string, KnowledgeArticleState>();
  /** Per article loaded at start, the last event its stored state reflects (a replay skips those). */
  private readonly loadedUpTo = new Map<string, number>();
  private readonly runner: ProjectionRunner;

  constructor(private readonly options: KnowledgeIndexOptions) {
    this.runner = new ProjectionRunner(
      {
        name: 'intake-knowledge-index',
        version: 1,
        collections: [KNOWLEDGE_ARTICLES],
        filter: { streamPrefixes: ['kbArticle-'] },
        handle: async (event, _store, context) => {
          const state = this.apply(event);
          if (state) context.guardedUpdate(KNOWLEDGE_ARTICLES, state.articleId ?? '', { $set: { state } });
        },
      },
      {
        store: options.store,
        source: options.source,
        logger: options.logger,
        ...(options.registry ? { registry: options.registry } : {}),
      },
    );
  }

  get live(): boolean {
    return this.runner.status().state === 'live';
  }

  /** Loads the stored articles into the index, then follows the article events from the checkpoint. */
  async start(): Promise<void> {
    const docs = await this.options.store.collection<ArticleDocument>(KNOWLEDGE_ARTICLES).find({});
    for (const { _id, _pos, state } of docs) {
      this.loadedUpTo.set(_id, _pos);
      this.keep(_id, state);
    }
    await this.runner.start();
  }

  stop(): Promise<void> {
    return this.runner.stop();
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

  /**
   * Articles whose newest version has `status`, newest articles first; `owningUnitId` keeps to the
   * articles whose newest version that unit answers for (a unit's own proposals).
   */
  list(options: {
    status?: KnowledgeReviewStatus;
    owningUnitId?: string;
    /** Only articles served at this instant (approved, within their validity). */
    servedAt?: Date;
    limit: number;
  }): KnowledgeArticleState[] {
    const found: KnowledgeArticleState[] = [];
    for (const state of [...this.articles.values()].reverse()) {
      if (!state.exists) continue;
      if (options.servedAt !== undefined && !servedAt(state, options.servedAt)) continue;
      if (options.status !== undefined && (state.latestStatus ?? 'in-review') !== options.status) continue;
      const latest = state.versions[state.latestVersion];
      if (options.owningUnitId !== undefined && latest?.owningUnitId !== options.owningUnitId) continue;
      found.push(state);
      if (found.length >= options.limit) break;
    }
    return found;
  }

  /** Read-after-write: waits until the index has applied the event at `position`. */
  waitFor(position: number | undefined): Promise<void> {
    return waitForCheckpoint(
      this.runner,
      position,
      this.options.readAfterWriteTimeoutMs,
      'the knowledge index',
    );
  }

  /** Folds an article event into its state and the index; undefined when the state already had it. */
  private apply(event: RecordedEvent): KnowledgeArticleState | undefined {
    const articleEvent = { type: event.type, data: event.data } as KnowledgeArticleEvent;
    const articleId = articleEvent.data.articleId;
    if (event.position <= (this.loadedUpTo.get(articleId) ?? 0)) return undefined;
    const state = knowledgeArticleDecider.evolve(
      this.articles.get(articleId) ?? knowledgeArticleDecider.initialState(),
      articleEvent,
    );
    this.keep(articleId, { ...state, articleId });
    return { ...state, articleId };
  }

  private keep(articleId: string, state: KnowledgeArticleState): void {
    this.articles.set(articleId, state);
    const served = servedContent(state);
    if (served && state.servedVersion !== undefined)
      this.index.upsert(articleId, state.servedVersion, served);
    else this.index.remove(articleId);
  }
}
