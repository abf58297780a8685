import { randomUUID } from 'node:crypto';
import { MAX_CONTENT_LENGTH } from '@hotline/contracts';
import { startDistributedWorkflow, type DistributedWorkflow } from './testing/distributed-workflow';
import {
  actors,
  envelope,
  refused,
  registration,
  untilReady,
  viewer,
  type Body,
} from './testing/workflow-messages';

const { agent, center, dongjie } = actors;

describe('Workflow handlers over NATS [SQLite event store, FerretDB read store]', () => {
  let wf: DistributedWorkflow;

  const eventsOf = async (caseId: string): Promise<string[]> =>
    (await wf.platform.eventStore.readStream(`case-${caseId}`).catch(() => [])).map((e) => e.type);

  beforeAll(async () => {
    wf = await startDistributedWorkflow();
    await untilReady(wf.url);
  });
  afterAll(() => wf?.close());

  it('registers, dispatches by the catalogue suggestion and signs over NATS; the read models in FerretDB answer', async () => {
    const caseId = `int-${randomUUID()}`;
    const registered = await wf.command(
      'RegisterCase',
      envelope('RegisterCase', registration(caseId), agent, 'taijiang'),
    );
    expect(registered).toMatchObject({
      caseId,
      caseNumber: expect.stringMatching(/^\d{8}$/) as unknown,
      idempotent: false,
    });
    const suggestion = await wf.query('SuggestUnit', {
      viewer: viewer(agent, 'taijiang'),
      caseId,
      minPosition: (registered as Body).position,
    });
    expect(suggestion).toMatchObject({
      unitId: 'taijiang',
      matched: { categoryCode: '030101', districtId: 'taijiang' },
    });
    await wf.command(
      'DispatchCase',
      envelope('DispatchCase', { caseId, leadUnitId: 'taijiang-yanghang' }, center, 'city'),
    );
    const signed = await wf.command<Body>(
      'SignCase',
      envelope(
        'SignCase',
        { caseId },
        { id: 'yh-clerk', role: 'unit', unitId: 'taijiang-yanghang' },
        'taijiang',
      ),
    );
    const minPosition = signed.position as number;

    expect(await wf.query('GetCase', { viewer: viewer(), caseId, minPosition })).toMatchObject({
      status: 'signed',
      districtId: 'taijiang',
      leadUnitId: 'taijiang-yanghang',
      citizen: { phone: '13900001234' },
    });
    const found = await wf.query<Body>('SearchCases', {
      viewer: viewer(),
      text: '施工噪声',
      districtId: 'taijiang',
      minPosition,
    });
    expect(found).toMatchObject({ total: 1, items: [{ caseId }] });
    expect(
      await wf.query('SearchCases', { viewer: viewer(), text: '地铁', districtId: 'taijiang', minPosition }),
    ).toMatchObject({ total: 0 });
    const inbox = await wf.query<Body>('GetUnitInbox', {
      viewer: viewer({ id: 'yh-clerk', role: 'unit', unitId: 'taijiang-yanghang' }, 'taijiang'),
      unitId: 'taijiang-yanghang',
      list: 'in-progress',
      minPosition,
    });
    expect(inbox).toMatchObject({ total: 1, items: [{ caseId, state: 'in-progress' }] });
    // The district office oversees its street; another street does not see this case.
    const outsider = { viewer: viewer(dongjie, 'gulou'), caseId, minPosition };
    expect(await refused(wf.query('GetCase', outsider))).toMatchObject({ kind: 'not-found' });
    const number = (registered as Body).caseNumber as string;
    expect(await wf.query('LookUpCaseForCitizen', { caseNumber: number, phoneLast4: '1234' })).toEqual({
      caseNumber: number,
      status: 'in-progress',
      registeredAt: expect.any(String) as unknown,
    });
  });

  it('answers a repeated command id with the first result and the same case number', async () => {
    const caseId = `int-${randomUUID()}`;
    const command = envelope('RegisterCase', registration(caseId));
    const first = await wf.command<Body>('RegisterCase', command);
    const repeat = await wf.command<Body>('RegisterCase', command);
    expect(repeat).toMatchObject({ idempotent: true, caseNumber: first.caseNumber, events: first.events });
    expect(await eventsOf(caseId)).toEqual(['CaseRegistered']);
  });

  it.each([
    ['a malformed phone number', { citizen: { name: '李女士', phone: '12345' } }, 'data.citizen.phone'],
    ['oversized content', { content: '噪'.repeat(MAX_CONTENT_LENGTH + 1) }, 'data.content'],
    [
      'an oversized attachment',
      {
        attachments: [{ id: 'a1', name: 'video.mp4', mediaType: 'video/mp4', sizeBytes: 300 * 1024 * 1024 }],
      },
      'data.attachments.0.sizeBytes',
    ],
    [
      'too many attachments',
      {
        attachments: Array.from({ length: 21 }, (_, i) => ({
          id: `a${i}`,
          name: 'p.jpg',
          mediaType: 'image/jpeg',
          sizeBytes: 10,
        })),
      },
      'data.attachments',
    ],
    ['a category code that is not six digits', { categoryCode: '3011' }, 'data.categoryCode'],
  ])('rejects %s naming the field, and appends nothing', async (_what, overrides, field) => {
    const caseId = `int-${randomUUID()}`;
    const error = await refused(
      wf.command('RegisterCase', envelope('RegisterCase', registration(caseId, overrides))),
    );
    expect(error).toMatchObject({ kind: 'validation', field });
    expect(await eventsOf(caseId)).toEqual([]);
  });

  it('rejects an unknown category, an unknown unit and a command in the wrong state by their rule, appending nothing', async () => {
    const unknownCategory = `int-${randomUUID()}`;
    const error = await refused(
      wf.command(
        'RegisterCase',
        envelope('RegisterCase', registration(unknownCategory, { categoryCode: '990101' })),
      ),
    );
    expect(error).toMatchObject({
      kind: 'rule',
      code: 'CASE_UNKNOWN_CATEGORY',
      details: { field: 'categoryCode' },
    });
    expect(await eventsOf(unknownCategory)).toEqual([]);

    const caseId = `int-${randomUUID()}`;
    await wf.command('RegisterCase', envelope('RegisterCase', registration(caseId)));
    const dispatch = envelope('DispatchCase', { caseId, leadUnitId: 'no-such-unit' }, center, 'city');
    expect(await refused(wf.command('DispatchCase', dispatch))).toMatchObject({
      kind: 'rule',
      code: 'CASE_UNKNOWN_UNIT',
      details: { field: 'leadUnitId' },
    });
    // A case the unit was never given answers as a case that does not exist (docs/security.md).
    expect(await refused(wf.command('SignCase', envelope('SignCase', { caseId }, dongjie)))).toMatchObject({
      kind: 'not-found',
      code: 'CASE_NOT_REGISTERED',
    });
    expect(
      await refused(wf.command('ReturnCase', envelope('ReturnCase', { caseId, reason: 'other' }, dongjie))),
    ).toMatchObject({
      kind: 'validation',
      field: 'data.explanation',
    });
    expect(await eventsOf(caseId)).toEqual(['CaseRegistered']);
  });

  it("lets a district's unit act on a city case dispatched to it, and refuses one that was not", async () => {
    const caseId = `int-${randomUUID()}`;
    await wf.command('RegisterCase', envelope('RegisterCase', registration(caseId), agent, 'city'));
    const dispatch = { caseId, leadUnitId: 'gulou-dongjie' };
    await wf.command('DispatchCase', envelope('DispatchCase', dispatch, center, 'city'));
    const signed = await wf.command('SignCase', envelope('SignCase', { caseId }, dongjie, 'gulou'));
    expect(signed).toMatchObject({ caseId, idempotent: false });

    const otherId = `int-${randomUUID()}`;
    await wf.command('RegisterCase', envelope('RegisterCase', registration(otherId), agent, 'city'));
    await wf.command(
      'DispatchCase',
      envelope('DispatchCase', { caseId: otherId, leadUnitId: 'gulou' }, center, 'city'),
    );
    expect(
      await refused(wf.command('SignCase', envelope('SignCase', { caseId: otherId }, dongjie, 'gulou'))),
    ).toMatchObject({
      kind: 'not-found',
      code: 'CASE_NOT_REGISTERED',
    });
    expect(await eventsOf(otherId)).toEqual(['CaseRegistered', 'CaseDispatched']);
  });

  it('refuses a caller from another district, and a command without its id or actor', async () => {
    const caseId = `int-${randomUUID()}`;
    await wf.command('RegisterCase', envelope('RegisterCase', registration(caseId), agent, 'gulou'));
    const fromTaijiang = envelope('DispatchCase', { caseId, leadUnitId: 'gulou' }, center, 'taijiang');
    expect(await refused(wf.command('DispatchCase', fromTaijiang))).toMatchObject({
      kind: 'forbidden',
      code: 'CASE_OUTSIDE_DISTRICT',
    });
    const { commandId: _omitted, ...noId } = envelope(
      'DispatchCase',
      { caseId, leadUnitId: 'gulou' },
      center,
      'city',
    );
    expect(await refused(wf.command('DispatchCase', noId))).toMatchObject({
      kind: 'validation',
      field: 'commandId',
    });
    const noActor = {
      ...envelope('DispatchCase', { caseId, leadUnitId: 'gulou' }),
      metadata: { correlationId: 'c', districtId: 'city' },
    };
    expect(await refused(wf.command('DispatchCase', noActor))).toMatchObject({
      kind: 'validation',
      field: 'metadata.actor',
    });
    expect(
      await refused(wf.query('GetUnitInbox', { viewer: viewer(), unitId: 'gulou', list: 'everything' })),
    ).toMatchObject({
      kind: 'validation',
      field: 'list',
    });
    expect(await eventsOf(caseId)).toEqual(['CaseRegistered']);
  });

  it('links a merged duplicate on its master, so the duplicate citizen sees the master progress', async () => {
    const master = `int-${randomUUID()}`;
    const duplicate = `int-${randomUUID()}`;
    await wf.command('RegisterCase', envelope('RegisterCase', registration(master)));
    const dup = await wf.command<Body>(
      'RegisterCase',
      envelope(
        'RegisterCase',
        registration(duplicate, { citizen: { name: '赵先生', phone: '13700005678' } }),
      ),
    );
    await wf.command(
      'DispatchCase',
      envelope('DispatchCase', { caseId: master, leadUnitId: 'gulou-dongjie' }, center, 'city'),
    );
    const merged = await wf.command<Body>(
      'MergeCase',
      envelope('MergeCase', { caseId: duplicate, masterCaseId: master }),
    );
    const deadline = Date.now() + 30_000;
    while (!(await eventsOf(master)).includes('CaseDuplicateLinked')) {
      if (Date.now() > deadline) throw new Error('the duplicate was never linked');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const linked = await wf.platform.eventStore.readStream(`case-${master}`);
    const position = linked.at(-1)?.position ?? 0;
    expect(
      await wf.query('GetCase', { viewer: viewer(), caseId: master, minPosition: position }),
    ).toMatchObject({ duplicateCaseIds: [duplicate] });
    await wf.query('GetCase', { viewer: viewer(), caseId: duplicate, minPosition: merged.position });
    expect(
      await wf.query('LookUpCaseForCitizen', { caseNumber: dup.caseNumber, phoneLast4: '5678' }),
    ).toMatchObject({ status: 'in-progress' });
  });
});
