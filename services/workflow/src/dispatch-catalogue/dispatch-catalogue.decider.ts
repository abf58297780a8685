import {
  WorkflowRole,
  type CategoryTaxonomy,
  type CommandOf,
  type EventOf,
  type dispatchCatalogueCommands,
  type dispatchCatalogueEvents,
} from '@hotline/contracts';
import type { DecideContext, Decider } from '@hotline/infra/command';
import type { UnitState } from '../unit/unit.decider';
import { UnitError, UnitRuleViolation } from '../unit/unit.errors';

export type CatalogueCommand = CommandOf<(typeof dispatchCatalogueCommands)[number]>;
export type CatalogueEvent = EventOf<(typeof dispatchCatalogueEvents)[number]>;

export interface CatalogueState {
  version: number;
  /** `<categoryCode>|<districtId or *>` → unit id. */
  entries: Record<string, string>;
}

/** What the catalogue's rules look up: the taxonomy, and the named unit's state from its stream. */
export interface CatalogueLookups {
  taxonomy: CategoryTaxonomy;
  unit?: UnitState;
}

export const catalogueKey = (categoryCode: string, districtId: string | undefined): string =>
  `${categoryCode}|${districtId ?? '*'}`;

const ADMINS: readonly string[] = [WorkflowRole.Center, WorkflowRole.System];

function decide(
  command: CatalogueCommand,
  state: CatalogueState,
  context: DecideContext & CatalogueLookups,
): CatalogueEvent[] {
  if (!ADMINS.includes(context.actor.role)) {
    UnitRuleViolation.raise(
      UnitError.RoleNotAllowed,
      `editing the dispatch catalogue is for ${ADMINS.join(', ')}, not ${context.actor.role}`,
    );
  }
  const { catalogueId, categoryCode, districtId } = command.data;
  const key = catalogueKey(categoryCode, districtId);
  const where = { catalogueId, categoryCode, ...(districtId !== undefined ? { districtId } : {}) };
  const catalogueVersion = state.version + 1;
  switch (command.type) {
    case 'SetDispatchCatalogueEntry': {
      const { unitId } = command.data;
      if (context.taxonomy.get(categoryCode) === undefined) {
        UnitRuleViolation.raise(
          UnitError.UnknownCategory,
          `categoryCode: ${categoryCode} is not in the taxonomy`,
          {
            field: 'categoryCode',
          },
        );
      }
      const unit = context.unit ?? { status: 'none' };
      if (unit.status === 'none')
        UnitRuleViolation.raise(UnitError.UnknownUnit, `unitId: unit ${unitId} is not registered`, {
          field: 'unitId',
        });
      if (unit.status === 'inactive')
        UnitRuleViolation.raise(UnitError.Inactive, `unitId: unit ${unitId} is not active`, {
          field: 'unitId',
        });
      if (state.entries[key] === unitId) return [];
      return [{ type: 'DispatchCatalogueEntrySet', data: { ...where, unitId, catalogueVersion } }];
    }
    case 'RemoveDispatchCatalogueEntry':
      if (state.entries[key] === undefined) {
        UnitRuleViolation.raise(
          UnitError.UnknownEntry,
          `the catalogue has no entry for ${categoryCode} in ${districtId ?? 'every district'}`,
        );
      }
      return [{ type: 'DispatchCatalogueEntryRemoved', data: { ...where, catalogueVersion } }];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function evolve(state: CatalogueState, event: CatalogueEvent): CatalogueState {
  const key = catalogueKey(event.data.categoryCode, event.data.districtId);
  switch (event.type) {
    case 'DispatchCatalogueEntrySet':
      return {
        version: event.data.catalogueVersion,
        entries: { ...state.entries, [key]: event.data.unitId },
      };
    case 'DispatchCatalogueEntryRemoved': {
      const entries = { ...state.entries };
      delete entries[key];
      return { version: event.data.catalogueVersion, entries };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** The dispatch catalogue (派单目录) of a city: stream `dispatchCatalogue-<catalogueId>`, versioned by its changes. */
export const dispatchCatalogueDecider: Decider<
  CatalogueCommand,
  CatalogueEvent,
  CatalogueState,
  CatalogueLookups
> = {
  decide,
  evolve,
  initialState: () => ({ version: 0, entries: {} }),
};
