import type {
  KnowledgeArticleEvent,
  KnowledgeArticleView,
  KnowledgeHit,
  RecordedEvent,
} from '@hotline/contracts';
import { HotlineError } from '@hotline/contracts';
import type { ProjectionSource, SourceHandle } from '@hotline/infra/projection';
import type { Logger } from '@hotline/infra/telemetry';
import { knowledgeArticleDecider } from './knowledge-article.decider';
import { servedContent, type KnowledgeArticleState } from './knowledge-article.state';
import { KnowledgeSearchIndex } from './knowledge-search-index';

const RESTART_DELAY_MS = 1000;
const POLL_MS = 5;

/**
 * The knowledge search index of this process: follows the article events from the store, folds
 * each article and keeps its served version indexed. Rebuilt from the events at every start (the
 * knowledge base is small), so every replica of the service searches its own copy.
 */
export class KnowledgeIndexFollower {
  private readonly index = new KnowledgeSearchIndex();
  private readonly articles = new Map<string, KnowledgeArticleState>();
  private handle: SourceHandle | undefined;
  private position = 0;
  private caughtUp = false;
  private stopped = false;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: ProjectionSource,
    private readonly logger: Logger,
    private readonly readAfterWriteTimeoutMs: number,
  ) {}

  get live(): boolean {
    return this.caughtUp;
  }

  start(): void {
    this.handle = this.source.start(
      {
        fromPosition: this.position === 0 ? undefined : this.position,
        filter: { streamPrefixes: ['kbArticle-'] },
      },
      {
        onEvent: (event) => {
          this.apply(event);
          return Promise.resolve();
        },
        onCaughtUp: (position) => {
          this.position = Math.max(this.position, position);
          this.caughtUp = true;
        },
        onError: (error) => {
          this.logger.error({ err: error }, 'knowledge index source failed; following again shortly');
          this.restartTimer = setTimeout(() => {
            if (!this.stopped) this.start();
          }, RESTART_DELAY_MS);
        },
      },
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    await this.handle?.stop();
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
  async waitFor(position: number | undefined): Promise<void> {
    if (position === undefined || position === 0) return;
    const deadline = Date.now() + this.readAfterWriteTimeoutMs;
    while (this.position < position) {
      if (Date.now() > deadline) {
        throw new HotlineError(
          'unavailable',
          'READ_MODEL_BEHIND',
          `the knowledge index has not reached position ${position} yet; retry shortly`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
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
    this.position = event.position;
  }
}
