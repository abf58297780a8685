import { CITY_DISTRICT, type RecordedEvent } from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import { beijingDay, beijingHour } from '../periods/beijing-time';
import { keywordsOf, placeKeyOf } from '../topics/topic-keys';
import type { CaseFact } from './case-fact';
import { CASE_EVENT_TYPES, CASE_RULES, type RuleContext } from './case-rules';
import { EventIncrements, HeldWrites } from './held-writes';
import {
  ACTIVITY_CELLS,
  CASE_CELLS,
  CASE_FACTS,
  HOURLY_CELLS,
  TOPIC_CELLS,
  hourlyCellId,
  type CellLevel,
} from './collections';

export const CASE_COUNTERS_PROJECTION = 'reporting-case-counters';

/** The cells (one per grain) an increment of this case goes to. */
function caseCells(fact: CaseFact): { id: string; set: Record<string, unknown> }[] {
  const { day, districtId: d, unitId: u, categoryCode: k, channel, type } = fact;
  const cell = (lvl: CellLevel, key: string, dims: Record<string, unknown>) => ({
    id: `${lvl}|${day}|${d}${key}`,
    set: { lvl, day, ld: `${lvl}|${day}`, districtId: d, ...dims },
  });
  return [
    cell('d', '', {}),
    cell('u', `|${u}`, { unitId: u }),
    cell('k', `|${k}`, { categoryCode: k, cat2: k.slice(0, 2), cat4: k.slice(0, 4) }),
    cell('c', `|${u}|${k}|${channel}|${type}`, {
      unitId: u,
      categoryCode: k,
      cat2: k.slice(0, 2),
      cat4: k.slice(0, 4),
      channel,
      type,
    }),
  ];
}

export interface CaseCountersOptions {
  /** Cases kept in memory between events (the projection reads the store for the others). */
  cacheSize?: number;
}

/**
 * The case counters: every case event is applied through its entry in CASE_RULES, and its
 * increments go to the cells of the case's registration day (all four grains), the activity cell of
 * the event's day, and, for a registration or a repeat contact, the topic and hourly cells hot topics
 * and surge detection read. The writes are held back and written once per batch (HeldWrites): one
 * `$inc` per touched cell with the batch's increments summed, one `$set` per touched case.
 */
export function caseCountersProjection(options: CaseCountersOptions = {}): Projection {
  const cache = new Map<string, CaseFact>();
  const cacheSize = options.cacheSize ?? 20_000;
  const held = new HeldWrites();
  const remember = (fact: CaseFact): void => {
    cache.delete(fact._id);
    cache.set(fact._id, fact);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
  };
  return {
    name: CASE_COUNTERS_PROJECTION,
    // 2: keywords are nouns and verbs without place names. 3: hourly cells per district as well.
    // 4: one index per counter collection (cells by `ld`, hourly cells by hour), see setup.
    version: 4,
    collections: [CASE_FACTS, CASE_CELLS, ACTIVITY_CELLS, TOPIC_CELLS, HOURLY_CELLS],
    filter: { eventTypes: CASE_EVENT_TYPES },
    async setup(store: ReadStore) {
      // Counter cells are written far more often than read, and every indexed field costs each new
      // cell its index entries (in SQLite a side table row per field, kept by a trigger). So each
      // counter collection has one index, on the one field its reports range over: the grain and day
      // together for the case cells (`ld`, 'u|2026-06-01'), the day or the hour for the others. The
      // other conditions (a district, a unit) are checked on the rows of that range, and the hourly
      // baseline reads its cells by `_id`.
      await store.collection(CASE_CELLS).createIndex({ ld: 1 });
      await store.collection(CASE_FACTS).createIndex({ day: 1, unitId: 1 });
      await store.collection(CASE_FACTS).createIndex({ hour: 1 });
      await store.collection(ACTIVITY_CELLS).createIndex({ day: 1 });
      await store.collection(TOPIC_CELLS).createIndex({ day: 1 });
      await store.collection(HOURLY_CELLS).createIndex({ hour: 1 });
    },
    flush(context: ProjectionContext) {
      held.flush(context);
    },
    restart() {
      // The cache may know steps of events the store never got (a failed batch): read again.
      cache.clear();
      held.clear();
    },
    async handle(event: RecordedEvent, store: ReadStore) {
      const rule = CASE_RULES[event.type];
      if (!rule) return;
      const data = event.data as Record<string, unknown>;
      const caseId = String(data.caseId);
      let fact: CaseFact | undefined = cache.get(caseId);
      // A registration creates the case: reading the store for it would flush the write batch for nothing.
      if (!fact && event.type !== 'CaseRegistered') {
        fact = (await store.collection(CASE_FACTS).findOne<CaseFact>({ _id: caseId })) ?? undefined;
        if (fact) delete (fact as Partial<Record<'_pos', unknown>>)._pos;
      }
      if (!fact && event.type !== 'CaseRegistered') return; // a case from before reporting counted
      // No read of the store after this point: the increments are handed over at the end.
      const increments = new EventIncrements();
      let cells: { id: string; set: Record<string, unknown> }[] | undefined;
      let changed = false;
      const day = beijingDay(event.time);
      const context: RuleContext = {
        type: event.type,
        data,
        time: event.time,
        districtId: event.metadata.districtId,
        get fact() {
          return fact;
        },
        register(registered) {
          fact = { ...registered, terms: keywordsOf(typeof data.content === 'string' ? data.content : '') };
          cells = undefined;
          changed = true;
        },
        count(metric, by = 1) {
          if (!fact) return;
          cells ??= caseCells(fact);
          for (const cell of cells) increments.add(CASE_CELLS, cell.id, cell.set, metric, by);
          if (!fact.metrics.includes(metric)) fact = { ...fact, metrics: [...fact.metrics, metric] };
          changed = true;
        },
        countOnce(metric) {
          if (fact && !fact.metrics.includes(metric)) context.count(metric);
        },
        activity(metric) {
          const districtId = fact?.districtId ?? event.metadata.districtId;
          increments.add(ACTIVITY_CELLS, `${day}|${districtId}`, { day, districtId }, metric, 1);
        },
        patch(change) {
          if (!fact) return;
          fact = { ...fact, ...change };
          // A new unit (a dispatch) moves the later counts to its cells.
          cells = undefined;
          changed = true;
        },
      };
      rule(context);
      if (!fact) return;
      if (event.type === 'CaseRegistered' || event.type === 'CaseRepeatContactRecorded') {
        countTopics(increments, fact, event.time);
      }
      if (changed) {
        const { _id, ...rest } = fact;
        held.setDocument(CASE_FACTS, _id, rest);
        remember(fact);
      }
      held.addIncrements(increments);
    },
  };
}

/**
 * A contact (a registration or a repeat call) counts for hot topics by its day and for surges by its
 * hour: its category, its keywords (from the registration's content, kept on the case) and its place.
 * The hourly cells are kept for the city and for the case's district, so a storm in one district
 * surges against that district's own baseline even when the city's is too large to notice it.
 */
function countTopics(increments: EventIncrements, fact: CaseFact, time: string): void {
  const day = beijingDay(time);
  const hour = beijingHour(time);
  const place = placeKeyOf(fact.place);
  const keys: [string, string][] = [
    ['category', fact.categoryCode],
    ...fact.terms.map((term): [string, string] => ['term', term]),
    ...(place ? [['place', place] as [string, string]] : []),
  ];
  for (const [kind, key] of keys) {
    increments.add(
      TOPIC_CELLS,
      `${day}|${fact.districtId}|${kind}|${key}`,
      { day, districtId: fact.districtId, kind, key },
      'n',
      1,
    );
    for (const districtId of new Set([CITY_DISTRICT, fact.districtId])) {
      const cell = { hour, districtId, kind, key };
      increments.add(HOURLY_CELLS, hourlyCellId(hour, districtId, kind, key), cell, 'n', 1);
    }
  }
}
