import { randomUUID } from 'node:crypto';
import { chinaWorkingCalendar } from '@hotline/contracts';
import type { As, HotlineHttp } from './hotline-http';

/** Demo accounts of the gateway, and one the test opens: the officer of the Gulou district office. */
export const people = {
  agent: { username: 'agent' },
  center: { username: 'center' },
  housing: { username: 'unit-handler-housing' },
  dongjie: { username: 'unit-handler-gulou-dongjie' },
  gulou: {
    username: 'unit-handler-gulou',
    create: { role: 'unit-handler', districtId: 'gulou', unitId: 'gulou' },
  },
} satisfies Record<string, As>;

type Body = Record<string, unknown>;

export interface LoopResult {
  caseId: string;
  caseNumber: string;
  /** The position of the last command: read models are compared once past it. */
  position: number;
}

/**
 * One full closed loop through the gateway: register → dispatch → return → re-dispatch → sign →
 * extension → reply → review → callback dissatisfied → redo → reply → callback satisfied → close,
 * checking the read models (detail, timeline, inbox, citizen lookup) along the way.
 */
export async function runClosedLoop(http: HotlineHttp): Promise<LoopResult> {
  const caseId = `loop-${randomUUID()}`;
  let step = 0;
  let position = 0;
  const act = async (as: As, action: string, body: Body = {}): Promise<Body> => {
    const path = action === 'register' ? '/api/cases' : `/api/cases/${caseId}/${action}`;
    const reply = await http.ok('POST', path, { as, body: { commandId: `${caseId}-${++step}`, ...body } });
    position = reply.position as number;
    return reply;
  };
  const read = (as: As, path: string): Promise<Body> =>
    http.ok('GET', `${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`, { as });
  const detail = (as: As = people.center) => read(as, `/api/cases/${caseId}`);
  const inbox = (unit: string, list = 'to-sign', as: As = people.center) =>
    read(as, `/api/units/${unit}/inbox?list=${list}`);
  const citizen = (last4 = '8000') =>
    http.request<Body>('GET', `/api/public/cases/${caseNumber}?phoneLast4=${last4}`);

  const registered = await act(people.agent, 'register', {
    caseId,
    districtId: 'gulou',
    type: 'complaint',
    categoryCode: '030101',
    content: '小区旁工地夜间施工噪声扰民，晚上十点后仍在打桩',
    citizen: { name: '王先生', phone: '138 0013 8000' },
    channel: 'phone',
    place: { address: '鼓楼区东街街道三坊七巷南后街12号' },
  });
  const caseNumber = registered.caseNumber as string;
  expect(caseNumber).toMatch(/^\d{8}$/);
  const justRegistered = await detail();
  expect(justRegistered).toMatchObject({
    status: 'registered',
    caseNumber,
    districtId: 'gulou',
    overdue: false,
  });
  // One working day to dispatch: yellow, or green while part of today's afternoon is still to come.
  expect(['green', 'yellow']).toContain(justRegistered.colour);
  expect((await citizen()).body).toEqual({
    caseNumber,
    status: 'accepted',
    registeredAt: expect.any(String) as unknown,
  });
  expect((await citizen('1234')).status).toBe(404);
  expect(await read(people.agent, `/api/cases/${caseId}/suggested-unit`)).toMatchObject({
    unitId: 'gulou',
    matched: { categoryCode: '030101', districtId: 'gulou' },
  });

  await act(people.center, 'dispatch', { leadUnitId: 'housing-bureau' });
  expect(await inbox('housing-bureau')).toMatchObject({
    total: 1,
    items: [{ caseId, state: 'to-sign', role: 'lead' }],
  });

  await act(people.housing, 'return', {
    reason: 'not-responsible',
    explanation: '施工噪声由属地街道负责',
    basis: '《城市管理职责清单》第三条',
  });
  expect(await detail()).toMatchObject({ status: 'returned', returnCount: 1 });
  expect((await inbox('housing-bureau')).counts).toMatchObject({ 'to-sign': 0, 'in-progress': 0 });

  await act(people.center, 'redispatch', { leadUnitId: 'gulou-dongjie' });
  expect(await inbox('gulou-dongjie', 'to-sign', people.dongjie)).toMatchObject({
    total: 1,
    items: [{ caseId }],
  });
  // Oversight: the district office sees its street's inbox; the street cannot see the bureau's.
  expect((await inbox('gulou-dongjie', 'to-sign', people.gulou)).total).toBe(1);
  expect((await http.request('GET', `/api/units/housing-bureau/inbox`, { as: people.dongjie })).status).toBe(
    403,
  );

  await act(people.dongjie, 'sign');
  expect((await inbox('gulou-dongjie', 'in-progress', people.dongjie)).total).toBe(1);
  expect((await citizen()).body).toMatchObject({ status: 'in-progress' });

  const beforeExtension = await detail(people.dongjie);
  const calendar = chinaWorkingCalendar();
  const requestedDueAt = calendar.addWorkingDays(new Date(beforeExtension.dueAt as string), 2).toISOString();
  await act(people.dongjie, 'extension/request', { reason: '需协调施工单位整改', requestedDueAt });
  expect((await inbox('gulou-dongjie', 'extension-pending', people.dongjie)).total).toBe(1);
  await act(people.center, 'extension/approve', { comment: '同意延期' });
  expect(await detail()).toMatchObject({ dueAt: requestedDueAt, extendedWorkingDays: 2 });
  expect((await inbox('gulou-dongjie', 'extension-pending', people.dongjie)).total).toBe(0);

  const photo = { id: `photo-${randomUUID()}`, name: 'site.jpg', mediaType: 'image/jpeg', sizeBytes: 52_000 };
  await act(people.dongjie, 'reply', { result: '已责令工地夜间停止施工', attachments: [photo] });
  expect(await detail()).toMatchObject({
    status: 'replied',
    reply: { unitId: 'gulou-dongjie', attachments: [photo] },
  });
  await act(people.center, 'review/accept');
  expect(await detail()).toMatchObject({ status: 'completed' });
  expect((await citizen()).body).toMatchObject({ status: 'answered', answer: '已责令工地夜间停止施工' });

  await act(people.agent, 'callback', {
    reached: true,
    ratings: { efficiency: 'satisfied', attitude: 'satisfied', result: 'dissatisfied' },
    unitAtFault: true,
  });
  const refused = await http.request<Body>('POST', `/api/cases/${caseId}/close`, {
    as: people.center,
    body: { commandId: `${caseId}-close-too-early` },
  });
  expect(refused).toMatchObject({
    status: 422,
    body: { error: { kind: 'rule', code: 'CASE_REDO_REQUIRED' } },
  });

  await act(people.center, 'redo', { reason: '回访不满意，夜间仍有施工' });
  expect(await detail()).toMatchObject({ status: 'dispatched', redoCount: 1, leadUnitId: 'gulou-dongjie' });
  expect((await inbox('gulou-dongjie', 'to-sign', people.dongjie)).total).toBe(1);
  await act(people.dongjie, 'sign');
  await act(people.dongjie, 'reply', { result: '工地已调整作业时间，夜间不再施工' });
  await act(people.center, 'review/accept');
  await act(people.agent, 'callback', {
    reached: true,
    ratings: { efficiency: 'satisfied', attitude: 'satisfied', result: 'satisfied' },
    unitAtFault: false,
  });
  await act(people.center, 'close');

  expect(await detail()).toMatchObject({
    status: 'closed',
    redoCount: 1,
    returnCount: 1,
    colour: 'green',
    overdue: false,
  });
  const timeline = (await read(people.center, `/api/cases/${caseId}/timeline`)) as unknown as Body[];
  expect(timeline.map((e) => e.type)).toEqual([
    'CaseRegistered',
    'CaseDispatched',
    'CaseReturned',
    'CaseRedispatched',
    'CaseSigned',
    'CaseExtensionRequested',
    'CaseExtensionApproved',
    'CaseReplied',
    'CaseCompleted',
    'CaseCallbackRecorded',
    'CaseRedone',
    'CaseSigned',
    'CaseReplied',
    'CaseCompleted',
    'CaseCallbackRecorded',
    'CaseClosed',
  ]);
  expect(timeline[2]).toMatchObject({
    actor: { id: 'user:unit-handler-housing', role: 'unit', unitId: 'housing-bureau' },
  });
  expect((await inbox('gulou-dongjie', 'in-progress', people.dongjie)).counts).toEqual({
    'to-sign': 0,
    'in-progress': 0,
    'due-soon': 0,
    overdue: 0,
    returned: 0,
    'extension-pending': 0,
  });
  expect((await citizen()).body).toMatchObject({
    status: 'answered',
    answer: '工地已调整作业时间，夜间不再施工',
  });
  return { caseId, caseNumber, position };
}

/** Every read model of one case as the API shows it, to compare before and after a rebuild. */
export async function readModelSnapshot(
  http: HotlineHttp,
  loop: LoopResult,
): Promise<Record<string, unknown>> {
  const q = `minPosition=${loop.position}`;
  const get = (as: As, path: string) =>
    http.ok('GET', `${path}${path.includes('?') ? '&' : '?'}${q}`, { as });
  return {
    detail: await get(people.center, `/api/cases/${loop.caseId}`),
    detailForUnit: await get(people.dongjie, `/api/cases/${loop.caseId}`),
    timeline: await get(people.center, `/api/cases/${loop.caseId}/timeline`),
    search: await get(
      people.center,
      `/api/cases?text=${encodeURIComponent('施工噪声')}&districtId=gulou&pageSize=100`,
    ),
    dongjieInbox: await get(people.dongjie, `/api/units/gulou-dongjie/inbox?list=in-progress`),
    housingInbox: await get(people.housing, `/api/units/housing-bureau/inbox?list=to-sign`),
    badges: await get(people.center, `/api/badges`),
    units: await http.ok('GET', '/api/units?includeInactive=true', { as: people.center }),
    catalogue: await http.ok('GET', '/api/dispatch-catalogue', { as: people.center }),
    citizen: await http.ok('GET', `/api/public/cases/${loop.caseNumber}?phoneLast4=8000`),
  };
}
