import { CategoryTaxonomy, SAMPLE_CATEGORIES, type Actor } from '@hotline/contracts';
import type { DecideContext } from '@hotline/infra/command';
import { deciderSpec } from '@hotline/infra/command/testing';
import {
  dispatchCatalogueDecider,
  type CatalogueEvent,
} from '../dispatch-catalogue/dispatch-catalogue.decider';
import { UnitError } from './unit.errors';
import { unitDecider, type UnitEvent, type UnitState } from './unit.decider';

const center: Actor = { id: 'center-2', role: 'center' };
const base = (actor: Actor = center): DecideContext => ({
  now: new Date('2026-03-02T01:00:00Z'),
  actor,
  districtId: 'city',
  commandId: 'command-1',
});
const registered = (unitId: string, level: 'city' | 'district' | 'street', parentId?: string): UnitEvent => ({
  type: 'UnitRegistered',
  data: { unitId, name: unitId, level, ...(parentId ? { parentId } : {}), fallback: false, contacts: [] },
});
const stateOf = (...events: UnitEvent[]): UnitState =>
  events.reduce(unitDecider.evolve, unitDecider.initialState());

describe('the handling unit', () => {
  const units = deciderSpec(unitDecider, () => ({ ...base() }));
  const register = (level: 'city' | 'district' | 'street' | 'community', parentId?: string) => ({
    type: 'RegisterUnit' as const,
    data: {
      unitId: 'new-unit',
      name: '新单位',
      level,
      ...(parentId ? { parentId } : {}),
      fallback: false,
      contacts: [],
    },
  });

  it('registers a street under its district', () => {
    units
      .given([])
      .when(register('street', 'gulou'), { parent: stateOf(registered('gulou', 'district', 'city')) })
      .then([{ type: 'UnitRegistered', data: register('street', 'gulou').data }]);
  });

  it('refuses an unknown or inactive parent, a level above its parent, and a non-city unit without a parent', () => {
    units
      .given([])
      .when(register('street', 'nowhere'), { parent: { status: 'none' } })
      .thenRejects(UnitError.UnknownParent);
    const inactive = stateOf(registered('old', 'district', 'city'), {
      type: 'UnitDeactivated',
      data: { unitId: 'old', reason: '撤并' },
    });
    units.given([]).when(register('street', 'old'), { parent: inactive }).thenRejects(UnitError.Inactive);
    const street = stateOf(registered('gulou-dongjie', 'street', 'gulou'));
    units
      .given([])
      .when(register('district', 'gulou-dongjie'), { parent: street })
      .thenRejects(UnitError.LevelAboveParent);
    units.given([]).when(register('district')).thenRejects(UnitError.ParentRequired);
  });

  it('is registered once, and only by the center or the platform', () => {
    units
      .given([registered('new-unit', 'city')])
      .when(register('city'))
      .thenRejects(UnitError.AlreadyRegistered);
    units
      .given([])
      .when(register('city'), { actor: { id: 'agent-7', role: 'agent' } })
      .thenRejects(UnitError.RoleNotAllowed);
  });

  it('replaces contacts and deactivates a registered unit, once', () => {
    const contacts = [{ role: 'duty' as const, name: '值班室', phone: '0591-87654000' }];
    units
      .given([registered('new-unit', 'city')])
      .when({ type: 'UpdateUnitContacts', data: { unitId: 'new-unit', contacts } })
      .then([{ type: 'UnitContactsUpdated', data: { unitId: 'new-unit', contacts } }]);
    const deactivate = { type: 'DeactivateUnit' as const, data: { unitId: 'new-unit', reason: '机构撤并' } };
    units.given([]).when(deactivate).thenRejects(UnitError.NotRegistered);
    units
      .given([registered('new-unit', 'city'), { type: 'UnitDeactivated', data: deactivate.data }])
      .when(deactivate)
      .thenRejects(UnitError.Inactive);
  });
});

describe('the dispatch catalogue', () => {
  const taxonomy = new CategoryTaxonomy(SAMPLE_CATEGORIES);
  const active = stateOf(registered('gulou', 'district', 'city'));
  const catalogue = deciderSpec(dispatchCatalogueDecider, () => ({ ...base(), taxonomy, unit: active }));
  const set = (categoryCode: string, unitId = 'gulou', districtId?: string) => ({
    type: 'SetDispatchCatalogueEntry' as const,
    data: { catalogueId: 'city', categoryCode, unitId, ...(districtId ? { districtId } : {}) },
  });
  const entrySet = (categoryCode: string, catalogueVersion: number, districtId?: string): CatalogueEvent => ({
    type: 'DispatchCatalogueEntrySet',
    data: {
      catalogueId: 'city',
      categoryCode,
      ...(districtId ? { districtId } : {}),
      unitId: 'gulou',
      catalogueVersion,
    },
  });

  it('sets an entry as a new version, and setting the same unit again changes nothing', () => {
    catalogue
      .given([entrySet('010000', 1)])
      .when(set('030101', 'gulou', 'gulou'))
      .then([entrySet('030101', 2, 'gulou')]);
    catalogue
      .given([entrySet('030101', 1)])
      .when(set('030101'))
      .then([]);
  });

  it('refuses an unknown category, an unknown or inactive unit, and anyone but the center', () => {
    catalogue.given([]).when(set('990101')).thenRejects(UnitError.UnknownCategory);
    catalogue
      .given([])
      .when(set('030101', 'nobody'), { unit: { status: 'none' } })
      .thenRejects(UnitError.UnknownUnit);
    const inactive = stateOf(registered('gulou', 'district', 'city'), {
      type: 'UnitDeactivated',
      data: { unitId: 'gulou', reason: '撤并' },
    });
    catalogue.given([]).when(set('030101'), { unit: inactive }).thenRejects(UnitError.Inactive);
    catalogue
      .given([])
      .when(set('030101'), { actor: { id: 'a', role: 'unit', unitId: 'gulou' } })
      .thenRejects(UnitError.RoleNotAllowed);
  });

  it('removes an existing entry as a new version, and refuses to remove a missing one', () => {
    const remove = {
      type: 'RemoveDispatchCatalogueEntry' as const,
      data: { catalogueId: 'city', categoryCode: '030101', districtId: 'gulou' },
    };
    catalogue
      .given([entrySet('030101', 1, 'gulou')])
      .when(remove)
      .then([{ type: 'DispatchCatalogueEntryRemoved', data: { ...remove.data, catalogueVersion: 2 } }]);
    catalogue
      .given([entrySet('030101', 1)])
      .when(remove)
      .thenRejects(UnitError.UnknownEntry);
  });
});
