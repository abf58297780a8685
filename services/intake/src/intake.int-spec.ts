import { randomUUID } from 'node:crypto';
import type {
  CallerHistory,
  ClassificationSuggestion,
  CaseRepeatCount,
  ContactReceipt,
  ContactView,
  KnowledgeHit,
} from '@hotline/contracts';
import { AGENT, CENTER, startIntakeHarness, type IntakeHarness } from './testing/intake-harness';

const contact = (contactId: string, content: string, extra: Record<string, unknown> = {}) => ({
  contactId,
  channel: 'web',
  caller: { name: '陈女士', phone: '138 0591 2233' },
  content,
  ...extra,
});
const unique = () => Math.random().toString(36).slice(2, 10);

describe('Intake service over NATS with the SQLite event store [distributed: NATS]', () => {
  let intake: IntakeHarness;

  beforeAll(async () => {
    intake = await startIntakeHarness({ mode: 'distributed' });
  });
  afterAll(async () => {
    await intake.close();
  });

  it('records a contact an agent takes, with suggestions, and shows it in the caller history', async () => {
    const id = `call-${unique()}`;
    const receipt = await intake.command<ContactReceipt>('RecordContact', {
      ...contact(id, '隔壁工地每天夜里十二点还在施工，噪音太大，我要投诉'),
      channel: 'phone',
      caller: { name: '王先生', phone: '13912345678' },
    });
    expect(receipt).toMatchObject({
      contactId: id,
      recorded: true,
      assessment: { classification: { type: 'complaint', categoryCode: '030101' }, duplicates: [] },
    });
    expect(receipt.outcome).toBeUndefined();
    const history = await intake.query<CallerHistory>('GetCallerHistory', {
      phone: '139-1234-5678',
      minPosition: receipt.position,
    });
    await expect(intake.query<ContactView>('GetContact', { contactId: id })).resolves.toMatchObject({
      contactId: id,
      channel: 'phone',
    });
    expect(history.phone).toBe('13912345678');
    expect(history.contacts.map((c) => c.contactId)).toContain(id);
  });

  it('answers a repeated RecordContact with the first recording, changing nothing', async () => {
    const id = `call-${unique()}`;
    const data = { ...contact(id, '医保卡丢了怎么补办'), channel: 'phone' };
    await intake.command('RecordContact', data, AGENT, `cmd-${id}`);
    const again = await intake.command<ContactReceipt>('RecordContact', data, AGENT, `cmd-${id}`);
    expect(again).toMatchObject({ contactId: id, recorded: false });
    expect(await intake.platform.eventStore.readStream(`contact-${id}`)).toHaveLength(2);
  });

  it('registers a case for a clear web submission and repeats are merged into it and counted', async () => {
    const phone = `1370591${String(Math.floor(Math.random() * 9000) + 1000)}`;
    const first = await intake.command<ContactReceipt>('SubmitContact', {
      ...contact(`web-${unique()}`, '幸福小区3号楼门口的路灯坏了一个多星期，晚上黑灯瞎火，一直没修'),
      caller: { name: '陈女士', phone },
    });
    expect(first).toMatchObject({ outcome: 'case-registered', caseNumber: expect.stringMatching(/^\d{8}$/) });
    expect(first.reply).toContain(first.caseNumber);

    // The case reaches intake's duplicate read model through the store, as the workflow's would.
    let repeat: ContactReceipt | undefined;
    for (let attempt = 0; attempt < 50 && repeat?.outcome !== 'merged-into-case'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      repeat = await intake.command<ContactReceipt>('SubmitContact', {
        ...contact(`web-${unique()}-${attempt}`, '幸福小区3号楼门口路灯还是不亮，上周就反映过'),
        caller: { name: '陈女士', phone },
      });
    }
    expect(repeat).toMatchObject({
      outcome: 'merged-into-case',
      caseId: first.caseId,
      caseNumber: first.caseNumber,
    });
    const count = await intake.query<CaseRepeatCount>('GetCaseRepeatCount', {
      caseId: first.caseId,
      minPosition: repeat?.position,
    });
    expect(count.repeats).toBeGreaterThanOrEqual(1);
  });

  it('never sends a citizen away on a guess: tells the emergency number, keeps the request, and the agent refers', async () => {
    const id = `web-${unique()}`;
    const receipt = await intake.command<ContactReceipt>(
      'SubmitContact',
      contact(id, '楼下电动车棚着火了，浓烟很大，快来人'),
    );
    expect(receipt).toMatchObject({ referral: '119', reply: expect.stringMatching(/119[\s\S]*已记录/) });
    expect(receipt.outcome).toBeUndefined();
    expect(receipt.assessment.classification.emergency?.service).toBe('119');
    const stream = `contact-${id}`;
    expect((await intake.platform.eventStore.readStream(stream)).map((e) => e.type)).toEqual([
      'ContactRecorded',
      'ContactAssessed',
    ]);
    await intake.command('ReferContact', { contactId: id, service: '119' });
    expect((await intake.platform.eventStore.readStream(stream)).map((e) => e.type)).toContain(
      'ContactReferred',
    );
  });

  it('classifies with the learned model, and never suggests a category the city retired', async () => {
    const text = '隔壁工地每天夜里十二点还在施工，噪音太大';
    const classify = () =>
      intake.query<ClassificationSuggestion>('ClassifyContent', { content: text, channel: 'web' });
    const before = await classify();
    expect(before).toMatchObject({ categoryCode: '030101', classifier: expect.stringMatching(/^learned:/) });
    await intake.platform.eventStore.append(
      'citySettings-city',
      [
        {
          id: randomUUID(),
          type: 'CategoryRetired',
          version: 1,
          data: { code: '030100', settingsVersion: 1 },
          metadata: { correlationId: 'retire', causationId: 'retire', actor: CENTER, districtId: 'city' },
          time: new Date().toISOString(),
        },
      ],
      'any',
    );
    let after = await classify();
    for (let tries = 0; after.categories?.some((c) => c.code === '030101') && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = await classify();
    }
    expect(after.categoryCode).not.toBe('030101');
    expect(after.categories?.map((c) => c.code)).not.toContain('030101');
    expect(after.categories?.every((c) => !c.code.startsWith('0301'))).toBe(true);
  });

  it('gives no suggestion for text with nothing to classify', async () => {
    await expect(
      intake.query<ClassificationSuggestion>('ClassifyContent', { content: '🙏🙏🙏', channel: 'web' }),
    ).resolves.toMatchObject({ confidence: 0, signals: [] });
  });

  it('trains again on demand, recording the model it puts in force', async () => {
    await intake.command('TrainClassifier', { note: 'after the new categories' }, CENTER);
    const trained = async () =>
      (await intake.platform.eventStore.readStream('classifierModel-city')).filter(
        (e) => e.type === 'ClassifierModelTrained',
      );
    const onDemandTrained = async () =>
      (await trained()).find((e) => (e.data as { reason: string }).reason === 'on-demand');
    // Training runs beside every other suite in CI: at load it can take a minute or more.
    for (let tries = 0; !(await onDemandTrained()) && tries < 2_400; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [atStart] = await trained();
    const onDemand = await onDemandTrained();
    expect(atStart?.data).toMatchObject({ reason: 'start', window: { cases: 0 } });
    expect(onDemand?.data).toMatchObject({
      reason: 'on-demand',
      quality: { type: expect.any(Number), emergencyRecall: expect.any(Number) },
    });
    await expect(intake.command('TrainClassifier', {}, AGENT)).rejects.toThrow(
      /CLASSIFIER_TRAINING_ROLE_NOT_ALLOWED|center/,
    );
  }, 300_000);

  it('leaves a matter that may not be accepted to an agent, who declines it with the explanation', async () => {
    const id = `web-${unique()}`;
    const receipt = await intake.command<ContactReceipt>(
      'SubmitContact',
      contact(id, '我和开发商的纠纷法院已立案，请你们督促法院快点判'),
    );
    expect(receipt.outcome).toBeUndefined();
    expect(receipt.assessment.classification.notAccepted?.reason).toBe('in-legal-proceedings');
    const declinedAt = await intake.command<{ position: number }>('DeclineContact', {
      contactId: id,
      reason: 'in-legal-proceedings',
    });
    const view = await intake.query<ContactView>('GetContact', {
      contactId: id,
      minPosition: declinedAt.position,
    });
    const [, , declined] = await intake.platform.eventStore.readStream(`contact-${id}`);
    expect(declined?.data).toMatchObject({
      reason: 'in-legal-proceedings',
      explanation: expect.stringMatching(/诉讼[\s\S]*litigation/),
    });
    expect(view).toMatchObject({ contactId: id, outcome: 'not-accepted' });
  });

  it('registers a case from a phone contact for the agent, and answers another one directly', async () => {
    const id = `call-${unique()}`;
    await intake.command('RecordContact', { ...contact(id, '小区垃圾桶满了三天没人清运'), channel: 'phone' });
    const registered = await intake.command<{ caseId: string; caseNumber: string }>(
      'RegisterCaseFromContact',
      {
        contactId: id,
        caseId: `case-${unique()}`,
        type: 'complaint',
        categoryCode: '030201',
      },
    );
    expect(registered.caseNumber).toMatch(/^\d{8}$/);
    await expect(intake.command('AbandonContact', { contactId: id })).rejects.toMatchObject({
      kind: 'rule',
      code: 'CONTACT_ALREADY_CONCLUDED',
    });

    const asked = `call-${unique()}`;
    await intake.command('RecordContact', { ...contact(asked, '租房可以提取公积金吗'), channel: 'phone' });
    const caseId = `case-${unique()}`;
    await intake.command('AnswerContact', {
      contactId: asked,
      caseId,
      type: 'consult',
      categoryCode: '050201',
      answer: '无自有住房且租房居住的职工可以提取住房公积金支付房租。',
      knowledgeArticleId: 'kb-hf-001',
    });
    expect(intake.standIn?.answered).toContainEqual(
      expect.objectContaining({ caseId, knowledgeArticleId: 'kb-hf-001' }),
    );
  });

  it('quarantines contacts from a blocked number, and the center can unblock it', async () => {
    const phone = `1500591${String(Math.floor(Math.random() * 9000) + 1000)}`;
    await expect(intake.command('BlockCaller', { phone, reason: '多次辱骂话务员' })).rejects.toMatchObject({
      code: 'CALLER_BLOCK_ROLE_NOT_ALLOWED',
    });
    const blocked = await intake.command<{ position: number }>(
      'BlockCaller',
      { phone, reason: '多次辱骂话务员' },
      CENTER,
    );
    await expect(
      intake.query('CheckCaller', { phone, minPosition: blocked.position }),
    ).resolves.toMatchObject({ blocked: true, reason: '多次辱骂话务员' });
    const receipt = await intake.command<ContactReceipt>('SubmitContact', {
      ...contact(`web-${unique()}`, '路灯坏了'),
      caller: { phone },
    });
    expect(receipt).toMatchObject({ quarantine: 'blocklisted', recorded: true });
    const unblocked = await intake.command<{ position: number }>('UnblockCaller', { phone }, CENTER);
    await expect(
      intake.query('CheckCaller', { phone, minPosition: unblocked.position }),
    ).resolves.toMatchObject({ blocked: false });
  });

  it('searches the seeded knowledge base and serves a new article once approved', async () => {
    const { hits } = await intake.query<{ hits: KnowledgeHit[] }>('SearchKnowledge', {
      query: '租房能取公积金吗',
    });
    expect(hits[0]?.articleId).toBe('kb-hf-001');
    const articleId = `kb-${unique()}`;
    const content = {
      title: '犬只登记办理指南',
      body: '饲养犬只应在取得犬只登记证后饲养，携带疫苗证明到派出所办理。',
      tags: ['养狗', '犬证'],
      owningUnitId: 'unit-psb',
    };
    await intake.command('DraftKnowledgeArticle', { articleId, content });
    const approved = await intake.command<{ position: number }>(
      'ReviewKnowledgeArticle',
      { articleId, version: 1, decision: 'approve' },
      CENTER,
    );
    const after = await intake.query<{ hits: KnowledgeHit[] }>('SearchKnowledge', {
      query: '养狗要办犬证吗',
      minPosition: approved.position,
    });
    expect(after.hits[0]).toMatchObject({ articleId, version: 1 });
  });

  it('gives an unclear web submission its case number at once, also when staff submit it for a citizen', async () => {
    for (const actor of [undefined, AGENT]) {
      const receipt = await intake.command<ContactReceipt>(
        'SubmitContact',
        contact(`web-${unique()}`, '请帮忙看一下这个情况，谢谢'),
        actor,
      );
      expect(receipt.outcome).toBeUndefined();
      expect(receipt.caseNumber).toMatch(/^\d{8}$/);
      expect(receipt.reply).toContain(receipt.caseNumber);
    }
  });

  it('rejects a malformed command naming the field, and records nothing', async () => {
    const id = `web-${unique()}`;
    await expect(
      intake.command('SubmitContact', { ...contact(id, '路灯'), caller: { phone: '12345' } }),
    ).rejects.toMatchObject({
      kind: 'validation',
      field: 'data.caller.phone',
    });
    await expect(intake.command('SubmitContact', contact(id, ' '.repeat(5)))).rejects.toMatchObject({
      field: 'data.content',
    });
    await expect(intake.command('SubmitContact', contact(id, '长'.repeat(4001)))).rejects.toMatchObject({
      field: 'data.content',
    });
    await expect(intake.query('GetContact', { contactId: id })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('keeps a contact open for an agent when the workflow cannot be reached', async () => {
    const standIn = intake.standIn;
    if (!standIn) throw new Error('the harness runs the stand-in');
    standIn.unavailable = true;
    try {
      const receipt = await intake.command<ContactReceipt>(
        'SubmitContact',
        contact(`web-${unique()}`, '晋安区福马路的红绿灯坏了，一直闪黄灯'),
      );
      expect(receipt.recorded).toBe(true);
      expect(receipt).toMatchObject({ reply: expect.stringContaining('已收到') });
      expect(receipt.outcome).toBeUndefined();
    } finally {
      standIn.unavailable = false;
    }
  });
});
