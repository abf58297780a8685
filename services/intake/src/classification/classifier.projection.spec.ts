import type { RecordedEvent } from '@hotline/contracts';
import { ProjectionRunner, eventsSource } from '@hotline/infra/projection';
import { SqliteReadStore } from '@hotline/infra/read-store';
import { createLogger } from '@hotline/infra/telemetry';
import { classifierProjection, loadRetiredCategories } from './classifier.projection';
import { EffectiveCategories } from './effective-categories';
import { LabelledHistory } from './labelled-history';

const event = (
  position: number,
  type: string,
  data: Record<string, unknown>,
  time = '2026-01-01T00:00:00.000Z',
) =>
  ({
    id: `e${position}`,
    type,
    version: 1,
    streamId: `s-${position}`,
    revision: 0,
    position,
    time,
    data,
    metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'agent' }, districtId: 'city' },
  }) as RecordedEvent;

const registered = (position: number, caseId: string, time: string) =>
  event(
    position,
    'CaseRegistered',
    { caseId, content: `路灯坏了 ${caseId}`, type: 'complaint', categoryCode: '010102' },
    time,
  );

async function project(
  events: RecordedEvent[],
  categories: EffectiveCategories,
  store = SqliteReadStore.inMemory(),
) {
  const runner = new ProjectionRunner(classifierProjection(categories), {
    store,
    source: eventsSource(events),
    logger: createLogger({ service: 'intake-test', level: 'silent' }),
  });
  await runner.start();
  await runner.waitUntilCaughtUp();
  await runner.stop();
  return store;
}

describe('the classifier projection', () => {
  it('takes a category retired itself or under a retired one out, and puts it back when reactivated', async () => {
    const categories = new EffectiveCategories();
    const retire = event(1, 'CategoryRetired', { code: '030100', settingsVersion: 1 });
    const store = await project([retire, { ...retire, id: 'e2', position: 2 }], categories);
    expect(categories.isActive('030101')).toBe(false);
    expect(categories.isActive('030201')).toBe(true);
    const restarted = new EffectiveCategories();
    await loadRetiredCategories(store, restarted);
    expect(restarted.isActive('030101')).toBe(false);
    categories.apply({ type: 'CategoryReactivated', data: { code: '030100' } });
    expect(categories.isActive('030101')).toBe(true);
  });

  it('learns from the cases imported from a previous system, marked as imported', async () => {
    const imported = event(1, 'HistoricalCaseImported', {
      sourceId: 'A-1',
      registeredAt: '2021-03-04T01:30:00.000Z',
      content: '小区路灯坏了',
      type: 'complaint',
      categoryCode: '010102',
      unitId: 'urban-management',
      importedFrom: { file: 'old.csv', line: 2 },
    });
    const store = await project([imported], new EffectiveCategories());
    expect((await new LabelledHistory(store, 10).read()).examples).toEqual([
      {
        text: '小区路灯坏了',
        type: 'complaint',
        categoryCode: '010102',
        unitId: 'urban-management',
        group: 'imported-A-1',
      },
    ]);
    expect(
      await store.collection('intake_classifier_history').findOne({ _id: 'imported-A-1' }),
    ).toMatchObject({
      imported: true,
    });
  });

  it('keeps the newest cases with the type and category registered and the unit that replied', async () => {
    const store = await project(
      [
        registered(1, 'c1', '2026-01-01T00:00:00.000Z'),
        registered(2, 'c2', '2026-02-01T00:00:00.000Z'),
        event(3, 'CaseReplied', { caseId: 'c2', unitId: 'gulou', result: '已修复', attachments: [] }),
        registered(4, 'c3', '2026-03-01T00:00:00.000Z'),
      ],
      new EffectiveCategories(),
    );
    const { examples, window } = await new LabelledHistory(store, 2).read();
    expect(examples).toEqual([
      { text: '路灯坏了 c2', type: 'complaint', categoryCode: '010102', group: 'c2', unitId: 'gulou' },
      { text: '路灯坏了 c3', type: 'complaint', categoryCode: '010102', group: 'c3' },
    ]);
    expect(window).toEqual({ cases: 2, from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' });
  });
});
