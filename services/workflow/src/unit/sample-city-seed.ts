import {
  CITY_DISTRICT,
  DEFAULT_CATALOGUE_ID,
  RegisterUnit,
  SetDispatchCatalogueEntry,
  systemActor,
  type UnitSnapshot,
} from '@hotline/contracts';
import { parseCommand } from '@hotline/infra/command';
import type { EventStore } from '@hotline/infra/event-store';
import { SAMPLE_CITY_UNITS } from './sample-city';
import type { UnitCommandService } from './unit-command.service';

/** The sample city's dispatch catalogue: category [+ district] → unit. Labour matters have no entry (fallback). */
const SAMPLE_CATALOGUE: ReadonlyArray<
  [categoryCode: string, districtId: string | undefined, unitId: string]
> = [
  ['010000', undefined, 'urban-management'],
  ['010200', undefined, 'housing-bureau'],
  ['010203', 'gulou', 'gulou'],
  ['010301', undefined, 'water-group'],
  ['010302', undefined, 'power-supply'],
  ['020000', undefined, 'transport-bureau'],
  ['030000', undefined, 'environment-bureau'],
  ['030101', 'gulou', 'gulou'],
  ['030101', 'taijiang', 'taijiang'],
  ['030101', 'cangshan', 'cangshan'],
  ['030200', undefined, 'urban-management'],
  ['040000', undefined, 'market-bureau'],
];

const dutyDesk = (unit: UnitSnapshot, index: number) =>
  unit.level === 'community'
    ? []
    : [{ role: 'duty' as const, name: `${unit.name}值班室`, phone: `0591-8765${String(4000 + index)}` }];

/**
 * Seeds the sample city at the first start of an empty store, through the same commands an
 * administrator sends, with fixed command ids: running it twice, or from two replicas at once,
 * registers everything once. Returns whether it seeded.
 */
export async function seedSampleCity(units: UnitCommandService, store: EventStore): Promise<boolean> {
  const [registered] = await store.readAll({ maxCount: 1, filter: { eventTypes: ['UnitRegistered'] } });
  if (registered) return false;
  const send = (
    commandId: string,
    definition: typeof RegisterUnit | typeof SetDispatchCatalogueEntry,
    data: Record<string, unknown>,
  ) =>
    units.execute(
      parseCommand(definition, {
        commandId,
        type: definition.type,
        data,
        metadata: {
          correlationId: 'seed-sample-city',
          actor: systemActor('workflow-seed'),
          districtId: CITY_DISTRICT,
        },
      }),
    );
  for (const [index, unit] of SAMPLE_CITY_UNITS.entries()) {
    const { id, name, level, parentId, fallback } = unit;
    await send(`seed-unit-${id}`, RegisterUnit, {
      unitId: id,
      name,
      level,
      ...(parentId !== undefined ? { parentId } : {}),
      fallback,
      contacts: dutyDesk(unit, index),
    });
  }
  for (const [categoryCode, districtId, unitId] of SAMPLE_CATALOGUE) {
    await send(`seed-catalogue-${categoryCode}-${districtId ?? 'all'}`, SetDispatchCatalogueEntry, {
      catalogueId: DEFAULT_CATALOGUE_ID,
      categoryCode,
      ...(districtId !== undefined ? { districtId } : {}),
      unitId,
    });
  }
  return true;
}
