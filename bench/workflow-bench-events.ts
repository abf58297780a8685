/**
 * Synthetic history of the case workflow for benchmarks: each case goes register → dispatch →
 * sign → reply → complete → callback → close (7 events), the cases interleaved in waves as a
 * day's work is, with varied categories, districts, units and Chinese content.
 */
import type { CaseEvent, RecordedEvent } from '@hotline/contracts';

export const EVENTS_PER_CASE = 7;
const WAVE = 500;
const CATEGORIES = [
  '010101',
  '010102',
  '010104',
  '010201',
  '010203',
  '010301',
  '020101',
  '020202',
  '030101',
  '030201',
  '040101',
  '050101',
];
const PLACES: ReadonlyArray<[district: string, street: string, address: string]> = [
  ['gulou', 'gulou-dongjie', '鼓楼区东街街道三坊七巷南后街'],
  ['gulou', 'gulou-nanjie', '鼓楼区南街街道宜井路'],
  ['taijiang', 'taijiang-yanghang', '台江区洋中街道莲花路'],
  ['cangshan', 'cangshan-linjiang', '仓山区临江街道江滨大道'],
];
const WORDS = [
  '噪声',
  '施工',
  '夜间',
  '路灯',
  '井盖',
  '积水',
  '物业',
  '停水',
  '停电',
  '公交',
  '停车',
  '垃圾',
  '占道',
  '工资',
  '油烟',
  '漏水',
  '电梯',
  '绿化',
];
const DAY_MS = 86_400_000;

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

function content(n: number): string {
  const words = [pick(WORDS, n), pick(WORDS, n * 7 + 3), pick(WORDS, n * 13 + 5)];
  return `市民反映${words[0]}问题，${words[1]}和${words[2]}情况持续一周，影响周边居民生活，请相关部门尽快处理。编号${n}`;
}

/** The events of case `n`, in order; `at(step)` gives each one's time. */
function caseEvents(
  n: number,
  base: number,
): Array<{ event: CaseEvent; time: number; actor: RecordedEvent['metadata']['actor'] }> {
  const caseId = `bench-${n}`;
  const [, unitId, address] = pick(PLACES, n);
  const iso = (ms: number) => new Date(ms).toISOString();
  const registered = base;
  const dueAt = iso(base + 10 * DAY_MS);
  const agent = { id: `agent-${n % 40}`, role: 'agent' };
  const center = { id: 'center-1', role: 'center' };
  const unit = { id: `${unitId}-clerk`, role: 'unit', unitId };
  const lead = { unitId, signBy: iso(base + DAY_MS), returnBy: iso(base + DAY_MS) };
  return [
    {
      actor: agent,
      time: registered,
      event: {
        type: 'CaseRegistered',
        data: {
          caseId,
          caseNumber: '00000013',
          type: n % 5 === 0 ? 'consult' : 'complaint',
          categoryCode: pick(CATEGORIES, n),
          content: content(n),
          citizen: {
            name: '市民',
            phone: `138${String(n % 100_000_000).padStart(8, '0')}`,
            confidential: false,
            anonymous: false,
          },
          channel: n % 3 === 0 ? 'web' : 'phone',
          place: { address: `${address}${n % 200}号` },
          attachments: [],
          urgency: 'normal',
          simple: false,
          convenienceList: false,
          dispatchBy: iso(base + DAY_MS),
        },
      },
    },
    {
      actor: center,
      time: base + 3_600_000,
      event: { type: 'CaseDispatched', data: { caseId, lead, coHandlers: [], dueAt, limitWorkingDays: 10 } },
    },
    {
      actor: unit,
      time: base + 7_200_000,
      event: { type: 'CaseSigned', data: { caseId, unitId, role: 'lead' } },
    },
    {
      actor: unit,
      time: base + 3 * DAY_MS,
      event: {
        type: 'CaseReplied',
        data: { caseId, unitId, result: '已现场核查并处理完毕', attachments: [] },
      },
    },
    { actor: center, time: base + 4 * DAY_MS, event: { type: 'CaseCompleted', data: { caseId } } },
    {
      actor: agent,
      time: base + 5 * DAY_MS,
      event: {
        type: 'CaseCallbackRecorded',
        data: {
          caseId,
          reached: true,
          ratings: { efficiency: 'satisfied', attitude: 'satisfied', result: 'satisfied' },
          unitAtFault: false,
          redoRequired: false,
        },
      },
    },
    { actor: center, time: base + 5 * DAY_MS + 60_000, event: { type: 'CaseClosed', data: { caseId } } },
  ];
}

/** How many events `cases` cases make: a fifth of them (the newest) stay open after 3 events. */
export function historyLength(cases: number): number {
  const open = cases - Math.ceil(cases * 0.8);
  return (cases - open) * EVENTS_PER_CASE + open * 3;
}

/**
 * `cases` cases' worth of events in position order, made as they are read. Waves of cases advance a
 * step at a time, so a case's events lie a wave apart in the log; a fifth of the newest cases stay
 * open (their later events are left out), so searches and inboxes have open cases to find.
 */
export function* historyEvents(
  cases: number,
  start = Date.parse('2026-03-02T01:00:00Z'),
): Generator<RecordedEvent> {
  let position = 0;
  for (let first = 0; first < cases; first += WAVE) {
    const wave = Array.from({ length: Math.min(WAVE, cases - first) }, (_, i) => first + i);
    const all = wave.map((n) => caseEvents(n, start + Math.floor(n / WAVE) * 3_600_000));
    const open = (n: number) => n >= cases * 0.8;
    for (let step = 0; step < EVENTS_PER_CASE; step++) {
      for (const [i, n] of wave.entries()) {
        if (open(n) && step > 2) continue;
        const item = all[i]?.[step];
        if (!item) continue;
        position++;
        yield {
          id: `bench-event-${position}`,
          streamId: `case-bench-${n}`,
          revision: step,
          position,
          type: item.event.type,
          version: 1,
          data: item.event.data,
          time: new Date(item.time).toISOString(),
          metadata: {
            correlationId: `bench-${n}`,
            causationId: `bench-${n}-${step}`,
            actor: item.actor,
            districtId: pick(PLACES, n)[0],
          },
        };
      }
    }
  }
}

/** The same history as an array, for runs small enough to hold it. */
export const workflowHistory = (cases: number, start?: number): RecordedEvent[] => [
  ...historyEvents(cases, start),
];
