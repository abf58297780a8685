import type { RecordedEvent } from '@hotline/contracts';
import { CaseHistory, bj } from './case-history';

const DISTRICTS = ['gulou', 'taijiang', 'cangshan'];
const CONTENT = ['小区路灯不亮', '夜间施工噪声扰民', '道路积水严重'];

/** Beijing local time `minutes` after 2026-11-02 08:00, as `CaseHistory` takes it. */
function local(minutes: number): string {
  const at = new Date(Date.parse('2026-11-02T08:00:00Z') + minutes * 60_000);
  return at.toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * A generated history of `cases` cases over about a week, their events interleaved in time order
 * as the log has them: each registered, dispatched (some late), signed, replied, completed, called
 * back (every fifth one dissatisfied, every third one's callback recorded days later, counting in
 * the case's own period) and closed. For tests that compare two ways of projecting the same events.
 */
export function generatedCases(cases: number): RecordedEvent[] {
  const steps: Array<{ at: number; seq: number; add: (h: CaseHistory) => void }> = [];
  for (let c = 0; c < cases; c += 1) {
    const caseId = `G${c}`;
    const districtId = DISTRICTS[c % DISTRICTS.length] as string;
    const unitId = `U${c % 4}`;
    const start = (c * 97) % (7 * 24 * 60);
    const push = (minutes: number, add: (h: CaseHistory) => void) =>
      steps.push({ at: start + minutes, seq: steps.length, add });
    push(0, (h) =>
      h.registered(caseId, local(start), {
        districtId,
        categoryCode: `0${1 + (c % 3)}0101`,
        channel: c % 2 === 0 ? 'phone' : 'web',
        content: CONTENT[c % CONTENT.length] as string,
        address: `鼓楼区五一路${c % 5}号`,
      }),
    );
    push(c % 7 === 0 ? 30 * 60 : 60, (h) =>
      h.dispatched(
        caseId,
        local(start + (c % 7 === 0 ? 30 * 60 : 60)),
        unitId,
        local(start + 24 * 60),
        local(start + 5 * 24 * 60),
      ),
    );
    const event = (minutes: number, type: string, data: Record<string, unknown>) =>
      push(minutes, (h) => h.add(type, bj(local(start + minutes)), { caseId, ...data }));
    event(c % 5 === 0 ? 40 * 60 : 3 * 60, 'CaseSigned', { unitId, role: 'lead' });
    event(2 * 24 * 60, 'CaseReplied', { unitId, result: '已办理' });
    event(c % 6 === 0 ? 6 * 24 * 60 : 3 * 24 * 60, 'CaseCompleted', {});
    const callbackAt = c % 3 === 0 ? 9 * 24 * 60 : 4 * 24 * 60;
    push(callbackAt, (h) =>
      h.callback(
        caseId,
        local(start + callbackAt),
        'satisfied',
        'satisfied',
        c % 5 === 0 ? 'dissatisfied' : 'satisfied',
      ),
    );
    event(callbackAt + 60, 'CaseClosed', {});
  }
  steps.sort((a, b) => a.at - b.at || a.seq - b.seq);
  const history = new CaseHistory(DISTRICTS[0]);
  for (const step of steps) step.add(history);
  return history.events;
}
