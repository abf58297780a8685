import { randomUUID } from 'node:crypto';
import { startDistributedWorkflow, type DistributedWorkflow } from '../testing/distributed-workflow';
import { actors, envelope, refused, untilReady, viewer, type Body } from '../testing/workflow-messages';

const { agent, center } = actors;

describe('Unit and catalogue handlers over NATS [SQLite event store, FerretDB read store]', () => {
  let wf: DistributedWorkflow;

  beforeAll(async () => {
    wf = await startDistributedWorkflow();
    await untilReady(wf.url);
  });
  afterAll(() => wf?.close());

  it('edits units and the catalogue through their commands, with rules on parents and categories', async () => {
    const unitId = `int-street-${randomUUID().slice(0, 8)}`;
    const orphan = envelope(
      'RegisterUnit',
      { unitId, name: '测试街道', level: 'street', parentId: 'no-such-district' },
      center,
      'city',
    );
    expect(await refused(wf.command('RegisterUnit', orphan))).toMatchObject({ code: 'UNIT_UNKNOWN_PARENT' });
    const above = envelope(
      'RegisterUnit',
      { unitId, name: '测试区', level: 'district', parentId: 'gulou-dongjie' },
      center,
      'city',
    );
    expect(await refused(wf.command('RegisterUnit', above))).toMatchObject({
      code: 'UNIT_LEVEL_ABOVE_PARENT',
    });
    const contacts = [{ role: 'duty', name: '值班室', phone: '0591 8765 0000' }];
    await wf.command(
      'RegisterUnit',
      envelope(
        'RegisterUnit',
        { unitId, name: '测试街道', level: 'street', parentId: 'cangshan', contacts },
        center,
        'city',
      ),
    );
    const badPhone = envelope(
      'UpdateUnitContacts',
      { unitId, contacts: [{ role: 'duty', name: '值班室', phone: 'none' }] },
      center,
      'city',
    );
    expect(await refused(wf.command('UpdateUnitContacts', badPhone))).toMatchObject({
      field: 'data.contacts.0.phone',
    });
    const entry = envelope(
      'SetDispatchCatalogueEntry',
      { categoryCode: '050101', districtId: 'cangshan', unitId },
      center,
      'city',
    );
    const set = await wf.command<Body>('SetDispatchCatalogueEntry', entry);
    expect(
      await refused(
        wf.command(
          'SetDispatchCatalogueEntry',
          envelope('SetDispatchCatalogueEntry', { categoryCode: '990000', unitId }, center, 'city'),
        ),
      ),
    ).toMatchObject({
      code: 'CATALOGUE_UNKNOWN_CATEGORY',
    });
    expect(
      await refused(
        wf.command(
          'SetDispatchCatalogueEntry',
          envelope('SetDispatchCatalogueEntry', { categoryCode: '050101', unitId }, agent, 'city'),
        ),
      ),
    ).toMatchObject({
      code: 'UNIT_ROLE_NOT_ALLOWED',
    });

    const units = await wf.query<Body[]>('ListUnits', {
      viewer: viewer(),
      parentId: 'cangshan',
      minPosition: set.position,
    });
    expect(units.find((u) => u.unitId === unitId)).toMatchObject({ contacts: [{ phone: '0591-87650000' }] });
    const suggestion = await wf.query('SuggestUnit', {
      viewer: viewer(),
      categoryCode: '050101',
      districtId: 'cangshan',
    });
    expect(suggestion).toMatchObject({ unitId, matched: { categoryCode: '050101', districtId: 'cangshan' } });
    expect(
      await wf.query('SuggestUnit', { viewer: viewer(), categoryCode: '050101', districtId: 'gulou' }),
    ).toMatchObject({
      unitId: 'fallback-office',
      matched: 'fallback',
    });
  });
});
