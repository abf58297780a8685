import { KnowledgeSearchIndex } from './knowledge-search-index';

const NOW = new Date('2025-06-02T02:00:00.000Z');
const article = (title: string, body: string, extra: Record<string, unknown> = {}) => ({
  title,
  body,
  tags: [],
  owningUnitId: 'unit-1',
  ...extra,
});

describe('KnowledgeSearchIndex', () => {
  const index = new KnowledgeSearchIndex();
  index.upsert(
    'water',
    1,
    article('计划停水信息查询', '供水公司提前24小时公告停水时间。', { categoryCode: '010301' }),
  );
  index.upsert('power', 1, article('停电报修', '家中停电请拨打95598。', { categoryCode: '010302' }));
  index.upsert('fund', 1, article('租房提取住房公积金', '无房职工租房可以提取公积金。'));

  it('ranks the article whose title matches the question first', () => {
    expect(index.search('今天为什么停水', { now: NOW, limit: 3 })[0]?.articleId).toBe('water');
    expect(index.search('租房能取公积金吗', { now: NOW, limit: 3 })[0]).toMatchObject({
      articleId: 'fund',
      version: 1,
    });
  });

  it('finds nothing for question words alone', () => {
    expect(index.search('请问怎么办理', { now: NOW, limit: 3 })).toEqual([]);
  });

  it('filters by category, a level-2 code matching its sub-categories', () => {
    expect(
      index
        .search('停', { now: NOW, limit: 5, categoryCode: '010300' })
        .map((h) => h.articleId)
        .sort(),
    ).toEqual(['power', 'water']);
    expect(
      index.search('停', { now: NOW, limit: 5, categoryCode: '010302' }).map((h) => h.articleId),
    ).toEqual(['power']);
  });

  it('serves an article only within its validity dates', () => {
    const dated = new KnowledgeSearchIndex();
    dated.upsert(
      'later',
      1,
      article('新政策', '明年起施行的公积金新政策', { validFrom: '2026-01-01T00:00:00.000Z' }),
    );
    dated.upsert(
      'lapsed',
      1,
      article('旧政策', '已经失效的公积金旧政策', { validUntil: '2025-01-01T00:00:00.000Z' }),
    );
    expect(dated.search('公积金政策', { now: NOW, limit: 5 })).toEqual([]);
    expect(
      dated
        .search('公积金政策', { now: new Date('2026-02-01T00:00:00.000Z'), limit: 5 })
        .map((h) => h.articleId),
    ).toEqual(['later']);
  });

  it('re-indexes a new version and forgets a removed article', () => {
    const live = new KnowledgeSearchIndex();
    live.upsert('a', 1, article('停车收费', '路边停车收费标准'));
    live.upsert('a', 2, article('老年卡', '老年人免费乘坐公交'));
    expect(live.search('停车', { now: NOW, limit: 5 })).toEqual([]);
    expect(live.search('老年人坐公交', { now: NOW, limit: 5 })[0]).toMatchObject({
      articleId: 'a',
      version: 2,
    });
    live.remove('a');
    expect(live.size).toBe(0);
    expect(live.search('老年人坐公交', { now: NOW, limit: 5 })).toEqual([]);
  });
});
