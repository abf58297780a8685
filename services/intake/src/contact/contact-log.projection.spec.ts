import type { RecordedEvent } from '@hotline/contracts';
import { ProjectionRunner, eventsSource } from '@hotline/infra/projection';
import { SqliteReadStore, type ReadStore } from '@hotline/infra/read-store';
import { createLogger } from '@hotline/infra/telemetry';
import { IntakeCollection } from '../read-models/intake-collections';
import { contactLogProjection } from './contact-log.projection';

let position = 0;
const event = (streamId: string, type: string, data: Record<string, unknown>, districtId = 'city') =>
  ({
    id: `e${++position}`,
    type,
    version: 1,
    streamId,
    revision: 0,
    position,
    time: '2026-12-07T01:00:00.000Z',
    data,
    metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'agent' }, districtId },
  }) as RecordedEvent;

const district = (unitId: string, name: string) =>
  event(`unit-${unitId}`, 'UnitRegistered', {
    unitId,
    name,
    level: 'district',
    parentId: 'city',
    fallback: false,
    contacts: [],
  });
const photo = { id: 'att-0123456789abcdef', name: '路灯.jpg', mediaType: 'image/jpeg', sizeBytes: 2048 };
const webContact = (contactId: string, address: string | undefined, districtId = 'city') =>
  event(
    `contact-${contactId}`,
    'ContactRecorded',
    {
      contactId,
      channel: 'web',
      receivedAt: '2026-12-07T01:00:00.000Z',
      caller: { name: '林女士', phone: '13905912468', anonymous: false },
      content: '路灯不亮',
      attachments: [photo],
      ...(address !== undefined ? { place: { address, lat: 26.08, lng: 119.3 } } : {}),
    },
    districtId,
  );

async function project(events: RecordedEvent[], store: ReadStore): Promise<void> {
  const runner = new ProjectionRunner(contactLogProjection(), {
    store,
    source: eventsSource(events),
    logger: createLogger({ service: 'intake-test', level: 'silent' }),
  });
  await runner.start();
  await runner.waitUntilCaughtUp();
  await runner.stop();
}

describe('the contact log', () => {
  let store: ReadStore;
  beforeEach(() => {
    store = SqliteReadStore.inMemory();
  });
  afterEach(() => store.close());

  const contact = (id: string) => store.collection(IntakeCollection.contacts).findOne({ _id: id });

  it('keeps the photos and the place the citizen sent', async () => {
    await project([district('gulou', '鼓楼区人民政府'), webContact('w1', '鼓楼区五四路88号')], store);
    expect(await contact('w1')).toMatchObject({
      attachments: [photo],
      attachmentCount: 1,
      place: { address: '鼓楼区五四路88号', lat: 26.08, lng: 119.3 },
    });
  });

  it('gives a contact recorded city-wide the district its address names', async () => {
    await project(
      [
        district('gulou', '鼓楼区人民政府'),
        district('taijiang', '台江区人民政府'),
        webContact('w1', '福州市鼓楼区五四路88号'),
      ],
      store,
    );
    expect(await contact('w1')).toMatchObject({ districtId: 'gulou', districtFrom: 'address' });
  });

  it('keeps the district the citizen picked, and the city when the address names no district', async () => {
    await project(
      [
        district('gulou', '鼓楼区人民政府'),
        webContact('picked', '鼓楼区五四路88号', 'taijiang'),
        webContact('vague', '五四路88号'),
        webContact('none', undefined),
      ],
      store,
    );
    expect(await contact('picked')).toMatchObject({ districtId: 'taijiang' });
    expect(await contact('picked')).not.toHaveProperty('districtFrom');
    expect(await contact('vague')).toMatchObject({ districtId: 'city' });
    expect(await contact('none')).toMatchObject({ districtId: 'city' });
  });

  it('reads no district from a deactivated district office', async () => {
    await project(
      [
        district('gulou', '鼓楼区人民政府'),
        event('unit-gulou', 'UnitDeactivated', { unitId: 'gulou', reason: '撤并' }),
        webContact('w1', '鼓楼区五四路88号'),
      ],
      store,
    );
    expect(await contact('w1')).toMatchObject({ districtId: 'city' });
  });
});
