import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  MessageRegistry,
  UNIT_CATEGORY,
  UnitRegistered,
  defineEvent,
  unitEvents,
  type UnitContact,
} from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { SqliteEventStore } from '@hotline/infra/event-store';
import { ProjectionRunner, storeSource, upcastingSource } from '@hotline/infra/projection';
import { SqliteReadStore } from '@hotline/infra/read-store';
import { UNITS } from '../read-models/read-model-collections';
import { unitDecider } from './unit.decider';
import { unitsProjection } from './units.projection';

/**
 * A schema change as it will happen: `UnitRegistered` v1 (as stored here) named one duty phone,
 * `dutyPhone`; in this test registry v2 has the contact list of today, and an upcaster lifts v1.
 */
const UnitRegisteredV2 = defineEvent({
  ...UnitRegistered,
  version: 2,
  upcast: (data) => {
    const { dutyPhone, ...rest } = data as { dutyPhone?: string; name: string };
    const contacts: UnitContact[] = dutyPhone
      ? [{ role: 'duty', name: `${rest.name}值班室`, phone: dutyPhone }]
      : [];
    return { ...rest, contacts };
  },
});
const eventsV2 = unitEvents.map((d) => (d.type === 'UnitRegistered' ? UnitRegisteredV2 : d));
const registryV2 = new MessageRegistry().register(...eventsV2);
const unitAggregateV2 = defineAggregate({ category: UNIT_CATEGORY, decider: unitDecider, events: eventsV2 });

const DUTY: UnitContact = { role: 'duty', name: '晋安区水务局值班室', phone: '0591-87654321' };

describe('Event versions: v1 events read through a registry where the type is v2 [SQLite]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-versions-'));
  const store = SqliteEventStore.open({ path: join(dir, 'events.db'), durability: 'normal' });
  const unitId = `water-${process.pid}`;

  beforeAll(async () => {
    await store.append(
      unitAggregateV2.streamId(unitId),
      [
        {
          id: `v1-${unitId}`,
          type: 'UnitRegistered',
          version: 1,
          data: { unitId, name: '晋安区水务局', level: 'district', fallback: false, dutyPhone: DUTY.phone },
          time: '2024-05-06T01:00:00.000Z',
          metadata: {
            correlationId: 'c-1',
            causationId: 'c-1',
            actor: { id: 'admin-1', role: 'center' },
            districtId: 'city',
          },
        },
      ],
      'noStream',
    );
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps history as written: the stored event stays v1', async () => {
    const [stored] = await store.readStream(unitAggregateV2.streamId(unitId));
    expect(stored).toMatchObject({ version: 1, data: { dutyPhone: DUTY.phone } });
  });

  it('loads the aggregate on the v2 shape', async () => {
    const { state } = await unitAggregateV2.load(store, unitId);
    expect(state).toMatchObject({ status: 'active', unitId, contacts: [DUTY] });
  });

  const project = async () => {
    const readStore = SqliteReadStore.inMemory();
    const runner = new ProjectionRunner(unitsProjection(), {
      store: readStore,
      source: upcastingSource(storeSource(store), registryV2),
    });
    await runner.start();
    await runner.waitUntilCaughtUp();
    await runner.stop();
    return readStore.collection(UNITS).findOne({ _id: unitId });
  };

  it('projects the v2 shape, and a replay from scratch projects it again', async () => {
    const first = await project();
    expect(first).toMatchObject({ name: '晋安区水务局', contacts: [DUTY], active: true });
    expect(await project()).toEqual(first);
  });

  it('refuses a stored version newer than the registry knows', () => {
    const older = new MessageRegistry().register(...unitEvents);
    expect(() => older.upcast({ ...eventOf(2), type: 'UnitRegistered' })).toThrow(/newer than this build/);
  });
});

const eventOf = (version: number) => ({
  id: 'e',
  streamId: 'unit-x',
  type: 'UnitRegistered',
  version,
  data: {},
  revision: 0,
  position: 1,
  time: '2024-05-06T01:00:00.000Z',
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'center' }, districtId: 'city' },
});
