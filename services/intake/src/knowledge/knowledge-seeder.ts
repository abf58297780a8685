import {
  CITY_DISTRICT,
  DraftKnowledgeArticle,
  ReviewKnowledgeArticle,
  RuleViolation,
  systemActor,
  type CommandEnvelope,
} from '@hotline/contracts';
import { handleCommand, parseCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import { knowledgeArticleAggregate } from './knowledge-article.aggregate';
import type { SeedArticle } from './seed/seed-article';

const envelope = (commandId: string, type: string, data: unknown): CommandEnvelope => ({
  commandId,
  type,
  data,
  metadata: {
    correlationId: 'knowledge-seed',
    actor: systemActor('knowledge-seed'),
    districtId: CITY_DISTRICT,
  },
});

/**
 * Writes and approves the demo articles. Command ids are fixed per article, so seeding again at the
 * next start changes nothing, and an article the center has since revised or retired stays so.
 */
export async function seedKnowledge(
  deps: CommandHandlerDeps,
  articles: readonly SeedArticle[],
): Promise<number> {
  let written = 0;
  for (const { articleId, content } of articles) {
    const drafted = await handleCommand(deps, {
      aggregate: knowledgeArticleAggregate,
      id: articleId,
      command: parseCommand(
        DraftKnowledgeArticle,
        envelope(`seed-draft-${articleId}`, DraftKnowledgeArticle.type, { articleId, content }),
      ),
    });
    try {
      await handleCommand(deps, {
        aggregate: knowledgeArticleAggregate,
        id: articleId,
        command: parseCommand(
          ReviewKnowledgeArticle,
          envelope(`seed-approve-${articleId}`, ReviewKnowledgeArticle.type, {
            articleId,
            version: 1,
            decision: 'approve',
          }),
        ),
      });
    } catch (error) {
      // Seeded before, and the center has reviewed, revised or retired it since: leave it so.
      if (!(drafted.idempotent && error instanceof RuleViolation)) throw error;
    }
    if (!drafted.idempotent) written++;
  }
  return written;
}
