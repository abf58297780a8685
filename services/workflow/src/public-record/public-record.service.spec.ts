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
}

/** A case document as the cases projection stores it, reduced to what the public record reads. */
const caseDocument = (seed: Seed): Record<string, unknown> => {
  const content = seed.content ?? '东街88号路灯不亮，王小明，电话13800138000';
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
    publicAnswer:
      seed.answer === null
        ? null
        : { answer: seed.answer ?? '已修复，王小明先生确认。', at: '2026-11-03T01:00:00.000Z' },
  };
};

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
});
