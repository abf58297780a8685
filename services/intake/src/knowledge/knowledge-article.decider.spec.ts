import type { KnowledgeArticleCommand, KnowledgeArticleEvent } from '@hotline/contracts';
import { deciderSpec } from '../testing/decider-spec';
import { knowledgeArticleDecider } from './knowledge-article.decider';
import { KnowledgeArticleError } from './knowledge-article.errors';
import { servedContent } from './knowledge-article.state';

const spec = deciderSpec(knowledgeArticleDecider);
const articleId = 'kb-hf-001';
const content = {
  title: '租房提取住房公积金',
  body: '无自有住房且租房居住的职工可以提取住房公积金支付房租。',
  tags: ['公积金', '租房'],
  owningUnitId: 'unit-housing-fund',
};
const revised = { ...content, body: `${content.body}每年可提取一次。` };
const center = { actor: { id: 'center-1', role: 'center' } };
const drafted: KnowledgeArticleEvent = {
  type: 'KnowledgeArticleDrafted',
  data: { articleId, version: 1, content },
};
const approved: KnowledgeArticleEvent = { type: 'KnowledgeArticleApproved', data: { articleId, version: 1 } };
const review = (version: number, decision: 'approve' | 'reject', note?: string): KnowledgeArticleCommand => ({
  type: 'ReviewKnowledgeArticle',
  data: { articleId, version, decision, ...(note ? { note } : {}) },
});

describe('knowledge article aggregate', () => {
  it('drafts version 1, in review', () => {
    spec.given([]).when({ type: 'DraftKnowledgeArticle', data: { articleId, content } }).then([drafted]);
  });

  it('rejects drafting an article that exists', () => {
    spec
      .given([drafted])
      .when({ type: 'DraftKnowledgeArticle', data: { articleId, content } })
      .thenRejects(KnowledgeArticleError.AlreadyExists);
  });

  it('lets the center approve the version in review', () => {
    spec.given([drafted]).when(review(1, 'approve'), center).then([approved]);
  });

  it('keeps agents from reviewing', () => {
    spec.given([drafted]).when(review(1, 'approve')).thenRejects(KnowledgeArticleError.RoleNotAllowed);
  });

  it('revises from the latest version only', () => {
    spec
      .given([drafted, approved])
      .when({ type: 'ReviseKnowledgeArticle', data: { articleId, baseVersion: 1, content: revised } })
      .then([{ type: 'KnowledgeArticleRevised', data: { articleId, version: 2, content: revised } }]);
    spec
      .given([
        drafted,
        approved,
        { type: 'KnowledgeArticleRevised', data: { articleId, version: 2, content: revised } },
      ])
      .when({ type: 'ReviseKnowledgeArticle', data: { articleId, baseVersion: 1, content } })
      .thenRejects(KnowledgeArticleError.StaleVersion);
  });

  it('serves the approved version while a revision waits for review', () => {
    const events: KnowledgeArticleEvent[] = [
      drafted,
      approved,
      { type: 'KnowledgeArticleRevised', data: { articleId, version: 2, content: revised } },
    ];
    const state = events.reduce(knowledgeArticleDecider.evolve, knowledgeArticleDecider.initialState());
    expect(servedContent(state)).toEqual(content);
    expect(state).toMatchObject({ latestVersion: 2, latestStatus: 'in-review', servedVersion: 1 });
  });

  it('rejects a review of a version that is not in review', () => {
    spec
      .given([drafted, approved])
      .when(review(1, 'approve'), center)
      .thenRejects(KnowledgeArticleError.NotInReview);
  });

  it('rejects a version with the reviewer’s note', () => {
    spec
      .given([drafted])
      .when(review(1, 'reject', '政策已调整，请更新提取额度'), center)
      .then([
        {
          type: 'KnowledgeArticleRejected',
          data: { articleId, version: 1, note: '政策已调整，请更新提取额度' },
        },
      ]);
  });

  it('retires an article, which then is neither served nor revised', () => {
    const retired: KnowledgeArticleEvent = {
      type: 'KnowledgeArticleRetired',
      data: { articleId, reason: '政策废止' },
    };
    spec
      .given([drafted, approved])
      .when({ type: 'RetireKnowledgeArticle', data: { articleId, reason: '政策废止' } }, center)
      .then([retired]);
    spec
      .given([drafted, approved, retired])
      .when({ type: 'ReviseKnowledgeArticle', data: { articleId, baseVersion: 1, content } })
      .thenRejects(KnowledgeArticleError.Retired);
    expect(
      servedContent(
        [drafted, approved, retired].reduce(
          knowledgeArticleDecider.evolve,
          knowledgeArticleDecider.initialState(),
        ),
      ),
    ).toBeUndefined();
  });

  describe('a handling unit proposes articles of its own', () => {
    const housingFund = { actor: { id: 'hf-1', role: 'unit', unitId: 'unit-housing-fund' } };
    const water = { actor: { id: 'w-1', role: 'unit', unitId: 'unit-water' } };

    it('lets a unit user propose an article its unit answers for', () => {
      spec
        .given([])
        .when({ type: 'DraftKnowledgeArticle', data: { articleId, content } }, housingFund)
        .then([drafted]);
    });

    it("refuses a unit user an article of another unit, and another unit's article to revise", () => {
      spec
        .given([])
        .when({ type: 'DraftKnowledgeArticle', data: { articleId, content } }, water)
        .thenRejects(KnowledgeArticleError.NotOwnUnit);
      spec
        .given([drafted])
        .when(
          {
            type: 'ReviseKnowledgeArticle',
            data: { articleId, baseVersion: 1, content: { ...revised, owningUnitId: 'unit-water' } },
          },
          water,
        )
        .thenRejects(KnowledgeArticleError.NotOwnUnit);
    });

    it('lets the unit revise its proposal after the center sent it back', () => {
      spec
        .given([
          drafted,
          { type: 'KnowledgeArticleRejected', data: { articleId, version: 1, note: '请注明办理地点' } },
        ])
        .when(
          { type: 'ReviseKnowledgeArticle', data: { articleId, baseVersion: 1, content: revised } },
          housingFund,
        )
        .then([{ type: 'KnowledgeArticleRevised', data: { articleId, version: 2, content: revised } }]);
    });
  });
});
