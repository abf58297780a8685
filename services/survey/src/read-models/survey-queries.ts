import {
  CITY_DISTRICT,
  HotlineError,
  NotFoundError,
  type GetAgentSurveyScores,
  type GetCallbackTask,
  type GetSatisfaction,
  type ListCallbackTasks,
  type QueryViewer,
} from '@hotline/contracts';
import type { Filter } from '@hotline/infra/read-store';
import type { z } from 'zod';
import { SurveyCollection } from './survey-collections';
import type { SurveyReadModels } from './survey-read-models';

type Params<D extends { schema: z.ZodType }> = z.output<D['schema']>;

/** Hotline staff, leaders and the platform read surveys; a unit its own results. */
const READERS = new Set(['agent', 'center', 'leader', 'system', 'unit']);

function scope(viewer: QueryViewer): Filter {
  if (!READERS.has(viewer.actor.role))
    throw new HotlineError(
      'forbidden',
      'SURVEY_READ_FORBIDDEN',
      `role ${viewer.actor.role} cannot read surveys`,
    );
  const filter: Filter = viewer.districtId === CITY_DISTRICT ? {} : { districtId: viewer.districtId };
  if (viewer.actor.role === 'unit') {
    if (!viewer.actor.unitId)
      throw new HotlineError('forbidden', 'SURVEY_READ_FORBIDDEN', 'a unit user must name its unit');
    filter.unitId = viewer.actor.unitId;
  }
  return filter;
}

export interface SatisfactionRow {
  key: string;
  evaluated: number;
  /** (satisfied + basically satisfied) ÷ evaluated, per dimension and overall (no dimension dissatisfied). */
  rates: { efficiency: number; attitude: number; result: number; overall: number };
  counts: Record<string, Record<string, number>>;
}

const DIMENSIONS = ['efficiency', 'attitude', 'result'] as const;
const RATINGS = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;

/** The survey's queries, answered from its read models. */
export class SurveyQueries {
  constructor(private readonly readModels: SurveyReadModels) {}

  async listCallbackTasks(query: Params<typeof ListCallbackTasks>) {
    await this.readModels.waitFor('callbackTasks', query.minPosition);
    const filter: Filter = { ...scope(query.viewer) };
    if (query.status) filter.status = { $in: query.status };
    if (query.method) filter.method = query.method;
    if (query.kind) filter.kind = query.kind;
    if (query.dueBefore) filter.dueAt = { $lte: query.dueBefore };
    const tasks = this.readModels.store.collection(SurveyCollection.callbackTasks);
    const [items, total] = await Promise.all([
      tasks.find(filter, {
        sort: { dueAt: 1 },
        skip: query.offset,
        limit: query.limit,
        projection: { _pos: 0 },
      }),
      tasks.countDocuments(filter),
    ]);
    return { items: items.map(withoutId), total };
  }

  async getCallbackTask(query: Params<typeof GetCallbackTask>) {
    await this.readModels.waitFor('callbackTasks', query.minPosition);
    const task = await this.readModels.store
      .collection(SurveyCollection.callbackTasks)
      .findOne({ ...scope(query.viewer), _id: query.taskId }, { projection: { _pos: 0 } });
    if (!task) throw new NotFoundError('callback task', query.taskId);
    return withoutId(task);
  }

  async satisfaction(query: Params<typeof GetSatisfaction>): Promise<{ rows: SatisfactionRow[] }> {
    const viewer = scope(query.viewer);
    const stored = query.by === 'day' || query.by === 'month' ? 'district' : query.by;
    const filter: Filter = { by: stored, ...dayRange(query.from, query.to) };
    if (viewer.districtId) filter.districtId = viewer.districtId;
    if (viewer.unitId) Object.assign(filter, { by: 'unit', key: viewer.unitId });
    const docs = await this.readModels.store
      .collection(SurveyCollection.satisfaction)
      .find<Record<string, unknown> & { key: string; day: string }>(filter);
    const groups = new Map<string, Record<string, unknown>[]>();
    for (const doc of docs) {
      const key = query.by === 'day' ? doc.day : query.by === 'month' ? doc.day.slice(0, 7) : doc.key;
      groups.set(key, [...(groups.get(key) ?? []), doc]);
    }
    const rows = [...groups.entries()].map(([key, group]) => satisfactionRow(key, group));
    rows.sort((a, b) =>
      query.by === 'day' || query.by === 'month' ? a.key.localeCompare(b.key) : b.evaluated - a.evaluated,
    );
    return { rows };
  }

  async agentScores(query: Params<typeof GetAgentSurveyScores>) {
    const viewer = scope(query.viewer);
    const filter: Filter = { ...dayRange(query.from, query.to) };
    if (viewer.districtId) filter.districtId = viewer.districtId;
    if (query.agentId) filter.agentId = query.agentId;
    if (query.viewer.actor.role === 'agent') filter.agentId = query.viewer.actor.id;
    const docs = await this.readModels.store.collection(SurveyCollection.agentScores).find<{
      agentId: string;
      day: string;
      answered?: number;
      score1?: number;
      score2?: number;
      score3?: number;
    }>(filter);
    const rows = new Map<
      string,
      {
        agentId: string;
        period: string;
        answered: number;
        satisfied: number;
        basic: number;
        dissatisfied: number;
      }
    >();
    for (const doc of docs) {
      const period = query.period === 'day' ? doc.day : doc.day.slice(0, 7);
      const id = `${doc.agentId}|${period}`;
      const row = rows.get(id) ?? {
        agentId: doc.agentId,
        period,
        answered: 0,
        satisfied: 0,
        basic: 0,
        dissatisfied: 0,
      };
      row.answered += doc.answered ?? 0;
      row.satisfied += doc.score1 ?? 0;
      row.basic += doc.score2 ?? 0;
      row.dissatisfied += doc.score3 ?? 0;
      rows.set(id, row);
    }
    return {
      rows: [...rows.values()]
        .map((row) => ({ ...row, rate: row.answered ? (row.satisfied + row.basic) / row.answered : 0 }))
        .sort((a, b) => a.period.localeCompare(b.period) || a.agentId.localeCompare(b.agentId)),
    };
  }
}

function dayRange(from?: string, to?: string): Filter {
  if (!from && !to) return {};
  return { day: { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) } };
}

function satisfactionRow(key: string, docs: Record<string, unknown>[]): SatisfactionRow {
  const counts: Record<string, Record<string, number>> = {};
  let evaluated = 0;
  for (const doc of docs) {
    evaluated += Number(doc.evaluated ?? 0);
    for (const dimension of [...DIMENSIONS, 'overall']) {
      const stored = (doc[dimension] ?? {}) as Record<string, number>;
      const sum = (counts[dimension] ??= {});
      for (const [rating, n] of Object.entries(stored)) sum[rating] = (sum[rating] ?? 0) + n;
    }
  }
  const rate = (dimension: string): number => {
    const c = counts[dimension] ?? {};
    const total = RATINGS.reduce((n, r) => n + (c[r] ?? 0), 0);
    return total ? ((c.satisfied ?? 0) + (c['basically-satisfied'] ?? 0)) / total : 0;
  };
  return {
    key,
    evaluated,
    rates: {
      efficiency: rate('efficiency'),
      attitude: rate('attitude'),
      result: rate('result'),
      overall: rate('overall'),
    },
    counts,
  };
}

const withoutId = <T extends object>(doc: T): Omit<T, '_id'> => {
  const { _id: _ignored, ...rest } = doc as T & { _id?: unknown };
  return rest;
};
