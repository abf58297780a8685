import {
  ValidationError,
  type KnowledgeArticleCommand,
  type KnowledgeArticleEvent,
} from '@hotline/contracts';
import type { DecideContext, Decider } from '@hotline/infra/command';
import { KnowledgeArticleError, KnowledgeArticleRuleViolation } from './knowledge-article.errors';
import { initialKnowledgeArticleState, type KnowledgeArticleState } from './knowledge-article.state';

/** The center reviews and withdraws articles; the platform itself does when seeding the demo. */
const REVIEWERS = new Set(['center', 'system']);

const fail = (code: KnowledgeArticleError, message: string, details?: Record<string, unknown>): never => {
  throw new KnowledgeArticleRuleViolation(code, message, details);
};

function requireLive(state: KnowledgeArticleState, articleId: string): void {
  if (!state.exists) fail(KnowledgeArticleError.NotFound, `knowledge article ${articleId} does not exist`);
  if (state.retired) fail(KnowledgeArticleError.Retired, `knowledge article ${articleId} was retired`);
}

function requireReviewer(context: DecideContext, what: string): void {
  if (!REVIEWERS.has(context.actor.role)) {
    fail(
      KnowledgeArticleError.RoleNotAllowed,
      `${what} is for the hotline center, not role ${context.actor.role}`,
    );
  }
}

/**
 * A handling unit proposes articles for itself: a unit user writes only articles its own unit
 * answers for, and revises only those (a proposal sent back, or an answer that changed).
 */
function requireOwnUnit(context: DecideContext, owningUnitIds: readonly (string | undefined)[]): void {
  if (context.actor.role !== 'unit') return;
  if (owningUnitIds.some((unitId) => unitId !== context.actor.unitId)) {
    fail(
      KnowledgeArticleError.NotOwnUnit,
      `a unit user writes articles of their own unit ${context.actor.unitId ?? '(none)'} only`,
    );
  }
}

function evolve(state: KnowledgeArticleState, event: KnowledgeArticleEvent): KnowledgeArticleState {
  switch (event.type) {
    case 'KnowledgeArticleDrafted':
    case 'KnowledgeArticleRevised':
      return {
        ...state,
        articleId: event.data.articleId,
        exists: true,
        latestVersion: event.data.version,
        latestStatus: 'in-review',
        versions: { ...state.versions, [event.data.version]: event.data.content },
      };
    case 'KnowledgeArticleApproved':
      return { ...state, latestStatus: 'approved', servedVersion: event.data.version };
    case 'KnowledgeArticleRejected':
      return { ...state, latestStatus: 'rejected' };
    case 'KnowledgeArticleRetired':
      return { ...state, retired: true, latestStatus: 'retired' };
    default: {
      const unknown: never = event;
      throw new Error(`unknown knowledge article event ${JSON.stringify(unknown)}`);
    }
  }
}

function decide(
  command: KnowledgeArticleCommand,
  state: KnowledgeArticleState,
  context: DecideContext,
): KnowledgeArticleEvent[] {
  switch (command.type) {
    case 'DraftKnowledgeArticle': {
      const { articleId, content } = command.data;
      if (state.exists)
        fail(KnowledgeArticleError.AlreadyExists, `knowledge article ${articleId} already exists`);
      requireOwnUnit(context, [content.owningUnitId]);
      return [{ type: 'KnowledgeArticleDrafted', data: { articleId, version: 1, content } }];
    }
    case 'ReviseKnowledgeArticle': {
      const { articleId, baseVersion, content } = command.data;
      requireLive(state, articleId);
      requireOwnUnit(context, [content.owningUnitId, state.versions[state.latestVersion]?.owningUnitId]);
      if (baseVersion !== state.latestVersion) {
        fail(
          KnowledgeArticleError.StaleVersion,
          `version ${baseVersion} is not the latest (${state.latestVersion})`,
          {
            latestVersion: state.latestVersion,
          },
        );
      }
      return [
        { type: 'KnowledgeArticleRevised', data: { articleId, version: state.latestVersion + 1, content } },
      ];
    }
    case 'ReviewKnowledgeArticle': {
      const { articleId, version, decision, note } = command.data;
      requireReviewer(context, 'reviewing an article');
      requireLive(state, articleId);
      if (version !== state.latestVersion || state.latestStatus !== 'in-review') {
        fail(KnowledgeArticleError.NotInReview, `version ${version} of ${articleId} is not in review`, {
          latestVersion: state.latestVersion,
          latestStatus: state.latestStatus,
        });
      }
      if (decision === 'approve') {
        return [
          { type: 'KnowledgeArticleApproved', data: { articleId, version, ...(note ? { note } : {}) } },
        ];
      }
      if (note === undefined) throw new ValidationError('note', 'a rejection needs a note');
      return [{ type: 'KnowledgeArticleRejected', data: { articleId, version, note } }];
    }
    case 'RetireKnowledgeArticle': {
      requireReviewer(context, 'retiring an article');
      requireLive(state, command.data.articleId);
      return [{ type: 'KnowledgeArticleRetired', data: command.data }];
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown knowledge article command ${JSON.stringify(unknown)}`);
    }
  }
}

/** The knowledge article aggregate (知识库条目): stream `kbArticle-<articleId>`. */
export const knowledgeArticleDecider: Decider<
  KnowledgeArticleCommand,
  KnowledgeArticleEvent,
  KnowledgeArticleState
> = {
  initialState: initialKnowledgeArticleState,
  evolve,
  decide,
};
