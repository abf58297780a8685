import type { QueryViewer, RecordedEvent } from '@hotline/contracts';
import { CHECKPOINTS_COLLECTION, ProjectionRunner, eventsSource } from '@hotline/infra/projection';
import { SqliteReadStore, type ReadStore } from '@hotline/infra/read-store';
import { createLogger } from '@hotline/infra/telemetry';
import type { IntakeReadModels } from '../read-models/intake-read-models';
import { suggestionAccuracyProjection } from './suggestion-accuracy.projection';
import { SuggestionAccuracyService } from './suggestion-accuracy.service';
import { weekOf } from './week-of';

let position = 0;
const event = (type: string, data: Record<string, unknown>, time: string, districtId = 'gulou') =>
  ({
    id: `e${++position}`,
    type,
    version: 1,
    streamId: `s-${position}`,
    revision: 0,
    position,
    time,
    data,
    metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'agent' }, districtId },
  }) as RecordedEvent;

const assessed = (
  contactId: string,
  time: string,
  suggestion: { type?: string; categoryCode?: string; categories?: string[]; unitId?: string },
  districtId = 'gulou',
) =>
  event(
    'ContactAssessed',
    {
      contactId,
      duplicates: [],
      classification: {
        confidence: 0.5,
        signals: [],
        classifier: 'learned:test',
        ...(suggestion.type ? { type: suggestion.type } : {}),
        ...(suggestion.categoryCode ? { categoryCode: suggestion.categoryCode } : {}),
        categories: (suggestion.categories ?? []).map((code) => ({ code, probability: 0.3 })),
        ...(suggestion.unitId ? { unit: { unitId: suggestion.unitId, probability: 0.8 } } : {}),
      },
    },
    time,
    districtId,
  );

const registered = (caseId: string, contactId: string | undefined, type: string, categoryCode: string) =>
  event(
    'CaseRegistered',
    { caseId, type, categoryCode, content: '路灯坏了', ...(contactId ? { contactId } : {}) },
    '2026-12-08T01:00:00.000Z',
  );
const replied = (caseId: string, unitId: string) =>
  event('CaseReplied', { caseId, unitId, result: '已修复', attachments: [] }, '2026-12-09T01:00:00.000Z');

async function project(events: RecordedEvent[], store: ReadStore): Promise<void> {
  const runner = new ProjectionRunner(suggestionAccuracyProjection(), {
    store,
    source: eventsSource(events),
    logger: createLogger({ service: 'intake-test', level: 'silent' }),
  });
  await runner.start();
  await runner.waitUntilCaughtUp();
  await runner.stop();
}

const viewer = (districtId: string): QueryViewer => ({
  actor: { id: 'center-1', role: 'center' },
  districtId,
});

/** The query service over the read store alone: the read models are already caught up here. */
const service = (store: ReadStore) =>
  new SuggestionAccuracyService({ store, waitFor: () => Promise.resolve() } as unknown as IntakeReadModels);

describe('the weekly accuracy of suggestions', () => {
  it('weeks run Monday to Sunday in Beijing time', () => {
    expect(weekOf('2026-12-06T15:59:59.000Z')).toBe('2026-11-30'); // Sunday 23:59 in Beijing
    expect(weekOf('2026-12-06T16:00:00.000Z')).toBe('2026-12-07'); // Monday 00:00 in Beijing
    expect(weekOf('2026-12-13T10:00:00.000Z')).toBe('2026-12-07');
  });

  it("counts each contact's suggestion against the case the agent registered, and its unit against the lead unit's reply", async () => {
    const store = SqliteReadStore.inMemory();
    const road = ['010102', '010101', '010103'];
    await project(
      [
        assessed('c1', '2026-12-01T02:00:00.000Z', {
          type: 'complaint',
          categoryCode: '010102',
          categories: road,
          unitId: 'urban-management',
        }),
        assessed('c2', '2026-12-02T02:00:00.000Z', {
          type: 'consult',
          categoryCode: '010101',
          categories: road,
          unitId: 'water-group',
        }),
        assessed('c3', '2026-12-06T17:00:00.000Z', { type: 'help', categoryCode: '020101' }),
        assessed('c4', '2026-12-01T03:00:00.000Z', { type: 'consult' }, 'cangshan'),
        assessed('no-suggestion', '2026-12-01T04:00:00.000Z', {}),
        registered('k1', 'c1', 'complaint', '010102'),
        registered('k2', 'c2', 'complaint', '010102'),
        registered('k3', 'c3', 'help', '020101'),
        registered('k4', 'c4', 'consult', '050101'),
        registered('k5', 'no-suggestion', 'consult', '050101'),
        registered('k6', undefined, 'consult', '050101'),
        replied('k1', 'urban-management'),
        replied('k2', 'urban-management'),
        // A case redone and replied again by another unit is judged once, on its first reply.
        replied('k1', 'taijiang'),
      ],
      store,
    );

    const gulou = await service(store).weeks({ viewer: viewer('gulou'), weeks: 12 });
    expect(gulou.weeks).toEqual([
      {
        weekStart: '2026-12-07',
        cases: 1,
        type: { right: 1, of: 1 },
        categoryTop1: { right: 1, of: 1 },
        categoryTop3: { right: 1, of: 1 },
        unitTop1: { right: 0, of: 0 },
      },
      {
        weekStart: '2026-11-30',
        cases: 2,
        type: { right: 1, of: 2 },
        categoryTop1: { right: 1, of: 2 },
        categoryTop3: { right: 2, of: 2 },
        unitTop1: { right: 1, of: 2 },
      },
    ]);

    const city = await service(store).weeks({ viewer: viewer('city'), weeks: 1 });
    expect(city.weeks).toHaveLength(1);
    const all = await service(store).weeks({ viewer: viewer('city'), weeks: 12 });
    expect(all.weeks[1]).toMatchObject({
      weekStart: '2026-11-30',
      cases: 3,
      categoryTop1: { right: 1, of: 3 },
    });
    const cangshan = await service(store).weeks({ viewer: viewer('cangshan'), weeks: 12 });
    expect(cangshan.weeks.map((w) => w.weekStart)).toEqual(['2026-11-30']);
  });

  it('adds nothing when the same events are applied again', async () => {
    const store = SqliteReadStore.inMemory();
    const events = [
      assessed('c1', '2026-12-01T02:00:00.000Z', { type: 'complaint', categoryCode: '010102', unitId: 'u1' }),
      registered('k1', 'c1', 'complaint', '010102'),
      replied('k1', 'u1'),
    ];
    await project(events, store);
    // As if the process died after writing every event but before recording the checkpoint.
    await store
      .collection(CHECKPOINTS_COLLECTION)
      .updateOne(
        { _id: 'intake-suggestion-accuracy' },
        { $set: { position: events[0]!.position - 1, writtenUpTo: events.at(-1)!.position } },
      );
    await project(events, store);
    const { weeks } = await service(store).weeks({ viewer: viewer('city'), weeks: 12 });
    expect(weeks).toEqual([
      expect.objectContaining({ cases: 1, type: { right: 1, of: 1 }, unitTop1: { right: 1, of: 1 } }),
    ]);
  });
});
