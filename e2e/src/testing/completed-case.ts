import { randomUUID } from 'node:crypto';
import { people } from './case-loop';
import type { As, HotlineHttp } from './hotline-http';

type Body = Record<string, unknown>;

/**
 * A citizen's case taken to completion (办结) over HTTP: registered, dispatched to 鼓楼区东街街道,
 * signed, replied, accepted; the survey makes its callback task from there.
 */
export async function completedCase(
  http: HotlineHttp,
  channel: string,
  type = 'complaint',
  phone = '138 0013 8000',
) {
  const caseId = `survey-${randomUUID()}`;
  let step = 0;
  const act = (as: As, action: string, body: Body = {}) =>
    http.ok('POST', action === 'register' ? '/api/cases' : `/api/cases/${caseId}/${action}`, {
      as,
      body: { commandId: `${caseId}-${++step}`, ...body },
    });
  await act(people.agent, 'register', {
    caseId,
    districtId: 'gulou',
    type,
    categoryCode: '030101',
    content: '小区旁工地夜间施工噪声扰民',
    citizen: { name: '王先生', phone },
    channel,
  });
  await act(people.center, 'dispatch', { leadUnitId: 'gulou-dongjie' });
  await act(people.dongjie, 'sign');
  await act(people.dongjie, 'reply', { result: '已责令工地夜间停止施工' });
  await act(people.center, 'review/accept');
  const detail = (): Promise<Body> => http.ok('GET', `/api/cases/${caseId}`, { as: people.center });
  return { caseId, act, detail };
}
