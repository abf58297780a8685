import type { RecordedEvent } from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import { DISPATCH_CATALOGUE, UNITS, catalogueEntryId } from '../read-models/read-model-collections';
import type { CatalogueEvent } from '../dispatch-catalogue/dispatch-catalogue.decider';
import type { UnitEvent } from './unit.decider';

/**
 * Handling units (one document per unit) and the dispatch catalogue (one document per entry, and
 * one `kind: 'version'` document per catalogue with its current version).
 */
export function unitsProjection(): Projection {
  return {
    name: 'workflow-units',
    version: 1,
    collections: [UNITS, DISPATCH_CATALOGUE],
    filter: { streamPrefixes: ['unit-', 'dispatchCatalogue-'] },
    async setup(store: ReadStore) {
      await store.collection(UNITS).createIndex({ parentId: 1 });
      await store.collection(DISPATCH_CATALOGUE).createIndex({ categoryCode: 1 });
    },
    handle(event: RecordedEvent, _store: ReadStore, context: ProjectionContext) {
      const message = { type: event.type, data: event.data } as UnitEvent | CatalogueEvent;
      switch (message.type) {
        case 'UnitRegistered': {
          const { unitId, name, level, parentId, fallback, contacts } = message.data;
          context.guardedUpdate(UNITS, unitId, {
            $set: { name, level, parentId: parentId ?? null, fallback, contacts, active: true },
          });
          break;
        }
        case 'UnitContactsUpdated':
          context.guardedUpdate(UNITS, message.data.unitId, { $set: { contacts: message.data.contacts } });
          break;
        case 'UnitDeactivated':
          context.guardedUpdate(UNITS, message.data.unitId, { $set: { active: false } });
          break;
        case 'DispatchCatalogueEntrySet':
        case 'DispatchCatalogueEntryRemoved': {
          const { catalogueId, categoryCode, districtId, catalogueVersion } = message.data;
          const id = catalogueEntryId(catalogueId, categoryCode, districtId);
          if (message.type === 'DispatchCatalogueEntrySet') {
            context.guardedUpdate(DISPATCH_CATALOGUE, id, {
              $set: {
                kind: 'entry',
                catalogueId,
                categoryCode,
                districtId: districtId ?? null,
                unitId: message.data.unitId,
                since: catalogueVersion,
              },
            });
          } else {
            context.delete(DISPATCH_CATALOGUE, id);
          }
          context.guardedUpdate(DISPATCH_CATALOGUE, catalogueId, {
            $set: { kind: 'version', catalogueId, version: catalogueVersion },
          });
          break;
        }
        default: {
          const unknown: never = message;
          return unknown;
        }
      }
      return Promise.resolve();
    },
  };
}
