import type { EventToAppend, RecordedEvent } from '@hotline/contracts';
import type { ReadStore } from '../../read-store/read-store.port';
import type { Projection } from '../projection.port';

/**
 * A small but honest projection for tests: one document per case ($set, $inc, $push) and one
 * counter document per district ($inc), and a handler that reads what earlier events wrote.
 */
export const caseSummary = (version = 1): Projection => ({
  name: 'case-summary',
  version,
  collections: ['cases', 'district_counts'],
  filter: { streamPrefixes: ['case-'] },
  async setup(store) {
    await store.collection('cases').createIndex({ districtId: 1 });
  },
  async handle(event, store, ctx) {
    const data = event.data as { caseId: string; districtId?: string; note?: string };
    switch (event.type) {
      case 'CaseOpened':
        ctx.guardedUpdate('cases', data.caseId, {
          $set: { status: 'open', districtId: data.districtId },
          $inc: { events: 1 },
        });
        ctx.guardedUpdate('district_counts', data.districtId ?? '?', { $inc: { opened: 1 * version } });
        return;
      case 'NoteAdded':
        ctx.guardedUpdate('cases', data.caseId, { $push: { notes: data.note }, $inc: { events: 1 } });
        return;
      case 'CaseClosed': {
        const found = await store.collection('cases').findOne<{ districtId: string }>({ _id: data.caseId });
        ctx.guardedUpdate('cases', data.caseId, { $set: { status: 'closed' }, $inc: { events: 1 } });
        ctx.guardedUpdate('district_counts', found?.districtId ?? '?', { $inc: { closed: 1 } });
        return;
      }
      default:
        return;
    }
  },
});

const metadata: EventToAppend['metadata'] = {
  correlationId: 'corr-1',
  causationId: 'cause-1',
  actor: { id: 'system:test', role: 'system' },
  districtId: 'd1',
};

/** `count` case events over `cases` cases in 3 districts, plus an unrelated stream every 10th event. */
export function caseEvents(count: number, cases = Math.max(1, Math.floor(count / 4))): EventToAppend[] {
  const events: EventToAppend[] = [];
  const step = new Map<number, number>();
  let caseEvent = 0;
  for (let i = 0; i < count; i++) {
    if (i % 10 === 9) {
      events.push({
        id: `ev-${i}`,
        type: 'AgentLoggedIn',
        version: 1,
        data: { caseId: 'none' },
        metadata,
        time: '2024-05-01T08:00:00.000Z',
      });
      continue;
    }
    const c = caseEvent++ % cases;
    const n = step.get(c) ?? 0;
    step.set(c, n + 1);
    const caseId = `case-${c}`;
    const type = n === 0 ? 'CaseOpened' : n % 5 === 4 ? 'CaseClosed' : 'NoteAdded';
    events.push({
      id: `ev-${i}`,
      type,
      version: 1,
      data: { caseId, districtId: `d${c % 3}`, note: `note ${n}` },
      metadata,
      time: '2024-05-01T08:00:00.000Z',
    });
  }
  return events;
}

/** Recorded copies of `events` with positions 1..n, their stream derived from the case id. */
export const recorded = (events: EventToAppend[]): RecordedEvent[] =>
  events.map((e, i) => {
    const caseId = (e.data as { caseId: string }).caseId;
    return { ...e, streamId: caseId === 'none' ? 'agent-1' : caseId, revision: 0, position: i + 1 };
  });

/** Everything a projection wrote, sorted, to compare two stores. */
export async function dump(store: ReadStore, collections: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of collections) out[name] = await store.collection(name).find({}, { sort: { _id: 1 } });
  return out;
}
