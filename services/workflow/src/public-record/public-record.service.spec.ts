import { SqliteReadStore } from '@hotline/infra/read-store';
import { textTokens } from '../case/read-models/case-text-tokens';
import { CASES } from '../read-models/read-model-collections';
import { PublicRecordService } from './public-record.service';

interface Seed {
  id: string;
  status?: string;
  type?: string;
  confidential?: boolean;
  content?: string;
  answer?: string | null;
  closedAt?: string;
  districtId?: string;
  /** The center's review: published as written (default), withheld, or not reviewed yet. */
  review?: 'publish' | 'withhold' | 'none';
}

/** A case document as the cases projection stores it, reduced to what the public record reads. */
const caseDocument = (seed: Seed): Record<string, unknown> => {
  const content = seed.content ?? '东街88号路灯不亮，王小明，电话13800138000';
  const answer = seed.answer === null ? null : (seed.answer ?? '已修复，王小明先生确认。');
  return {
    _id: seed.id,
    caseNumber: `1000000${seed.id.slice(-1)}`,
    status: seed.status ?? 'closed',
    type: seed.type ?? 'complaint',
    categoryCode: '030101',
    categoryPath: ['030000', '030100', '030101'],
    districtId: seed.districtId ?? 'gulou',
    registeredAt: '2026-11-01T01:00:00.000Z',
    closedAt: seed.closedAt ?? '2026-11-03T01:00:00.000Z',
    content,
    tokens: textTokens(content),
    citizen: {
      name: '王小明',
      phone: '13800138000',
      confidential: seed.confidential ?? false,
      anonymous: false,
    },
    publicAnswer: answer === null ? null : { answer, at: '2026-11-03T01:00:00.000Z' },
    publication: publicationOf(seed.review ?? 'publish', content, answer),
  };
};

const publicationOf = (review: Seed['review'], content: string, answer: string | null) => {
  const at = '2026-11-04T01:00:00.000Z';
  if (review === 'none') return null;
  if (review === 'withhold') return { decision: 'withhold', reason: '涉及个人隐私', at };
  return { decision: 'publish', content, answer: answer ?? '', at };
};

const CENTER = { actor: { id: 'center-1', role: 'center' as const }, districtId: 'city' };

async function recordOf(seeds: Seed[]): Promise<PublicRecordService> {
  const store = SqliteReadStore.inMemory();
  for (const seed of seeds) await store.collection(CASES).insertOne(caseDocument(seed));
  return new PublicRecordService({ store });
}

const query = { page: 1, pageSize: 10 };

describe('the public record of closed cases', () => {
  it('lists closed cases newest first with the request and the answer', async () => {
    const record = await recordOf([
      { id: 'case-1', closedAt: '2026-11-02T00:00:00.000Z' },
      { id: 'case-2', closedAt: '2026-11-05T00:00:00.000Z' },
    ]);
    const page = await record.list(query);
    expect(page.total).toBe(2);
    expect(page.items.map((item) => item.caseNumber)).toEqual(['10000002', '10000001']);
  });

  it("removes the citizen's name and phone number from the request and the answer", async () => {
    const record = await recordOf([{ id: 'case-1' }]);
    const [entry] = (await record.list(query)).items;
    expect(entry?.request).toBe('东街88号路灯不亮，[姓名]，电话[电话]');
    expect(entry?.answer).toBe('已修复，[姓名]先生确认。');
    expect(JSON.stringify(entry)).not.toMatch(/13800138000|王小明/);
  });

  it('never lists confidential cases, reports, open cases or cases without an answer', async () => {
    const record = await recordOf([
      { id: 'case-1', confidential: true },
      { id: 'case-2', type: 'report' },
      { id: 'case-3', status: 'signed' },
      { id: 'case-4', answer: null },
      { id: 'case-5' },
    ]);
    const page = await record.list(query);
    expect(page.items.map((item) => item.caseNumber)).toEqual(['10000005']);
  });

  it('filters by district, category of any level and words of the request', async () => {
    const record = await recordOf([
      { id: 'case-1', districtId: 'taijiang', content: '小区停水三天' },
      { id: 'case-2', content: '路灯不亮' },
    ]);
    expect((await record.list({ ...query, districtId: 'taijiang' })).total).toBe(1);
    expect((await record.list({ ...query, categoryCode: '030000' })).total).toBe(2);
    const found = await record.list({ ...query, q: '停水' });
    expect(found.items.map((item) => item.caseNumber)).toEqual(['10000001']);
  });

  it('lists only what the center published, in the approved words, and never what it withheld', async () => {
    const record = await recordOf([
      { id: 'case-1', review: 'none' },
      { id: 'case-2', review: 'withhold' },
      { id: 'case-3', content: '东街路灯不亮，李先生说已三天' },
    ]);
    const page = await record.list(query);
    expect(page.items.map((item) => item.caseNumber)).toEqual(['10000003']);
    // The approved words are checked again: a name the reviewer left in is still taken out.
    expect(page.items[0]?.request).toBe('东街路灯不亮，[姓名]先生说已三天');
  });
});

describe('the public record review queue', () => {
  it('offers unreviewed publishable cases oldest first, with the personal data already taken out', async () => {
    const record = await recordOf([
      { id: 'case-1', review: 'none', closedAt: '2026-11-05T00:00:00.000Z' },
      { id: 'case-2', review: 'none', closedAt: '2026-11-02T00:00:00.000Z', content: '小区停水三天' },
      { id: 'case-3', review: 'publish' },
      { id: 'case-4', review: 'none', type: 'report' },
      { id: 'case-5', review: 'none', confidential: true },
      { id: 'case-6', review: 'none', status: 'signed' },
    ]);
    const page = await record.reviews({ viewer: CENTER, ...query });
    expect(page.items.map((item) => item.caseId)).toEqual(['case-2', 'case-1']);
    expect(page.items[1]).toMatchObject({
      caseNumber: '10000001',
      proposed: { content: '东街88号路灯不亮，[姓名]，电话[电话]', answer: '已修复，[姓名]先生确认。' },
      redacted: true,
    });
    expect(page.items[0]?.redacted).toBe(true);
  });

  it('is for the center only', async () => {
    const record = await recordOf([{ id: 'case-1', review: 'none' }]);
    const unit = {
      actor: { id: 'u-1', role: 'unit' as const, unitId: 'housing-bureau' },
      districtId: 'city',
    };
    await expect(record.reviews({ viewer: unit, ...query })).rejects.toMatchObject({
      code: 'CASE_READ_FORBIDDEN',
    });
  });
});
