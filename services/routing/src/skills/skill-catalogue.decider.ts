import {
  SHIPPED_SKILLS,
  type CommandOf,
  type EventOf,
  type SkillEntry,
  type skillCatalogueCommands,
  type skillCatalogueEvents,
} from '@hotline/contracts';
import type { DecideContext, Decider } from '@hotline/infra/command';
import { SkillCatalogueError, SkillCatalogueRuleViolation } from './skill-catalogue.errors';
import type { SkillUsage } from './skill-usage';

export type SkillCatalogueCommand = CommandOf<(typeof skillCatalogueCommands)[number]>;
export type SkillCatalogueEvent = EventOf<(typeof skillCatalogueEvents)[number]>;

/** The city's changes over the shipped skills: what it named or renamed, and what it removed. */
export interface SkillCatalogueState {
  version: number;
  defined: Record<string, SkillEntry>;
  removed: string[];
}

/** What a removal looks up: where the router uses the skill (read from the router before deciding). */
export interface SkillCatalogueLookups {
  usageOf(skillId: string): SkillUsage;
}

/** The city administrator defines skills, like the rest of the routing settings. */
const EDITORS: readonly string[] = ['city-admin', 'system'];

const SHIPPED = new Map(SHIPPED_SKILLS.map((skill) => [skill.skillId, skill]));

/** The catalogue as every screen reads it: the shipped skills not removed, then the city's own, by id. */
export function catalogueEntries(
  state: SkillCatalogueState,
): (SkillEntry & { source: 'shipped' | 'city' })[] {
  const entries = new Map<string, SkillEntry & { source: 'shipped' | 'city' }>();
  for (const skill of SHIPPED_SKILLS) entries.set(skill.skillId, { ...skill, source: 'shipped' });
  for (const skill of Object.values(state.defined))
    entries.set(skill.skillId, { ...skill, source: SHIPPED.has(skill.skillId) ? 'shipped' : 'city' });
  for (const skillId of state.removed) entries.delete(skillId);
  return [...entries.values()].sort((a, b) => (a.skillId < b.skillId ? -1 : 1));
}

const entryOf = (state: SkillCatalogueState, skillId: string): SkillEntry | undefined =>
  state.removed.includes(skillId) ? undefined : (state.defined[skillId] ?? SHIPPED.get(skillId));

function decide(
  command: SkillCatalogueCommand,
  state: SkillCatalogueState,
  context: DecideContext & SkillCatalogueLookups,
): SkillCatalogueEvent[] {
  const { actor } = context;
  const role = actor.role === 'system' ? 'system' : (actor.gatewayRole ?? actor.role);
  if (!EDITORS.includes(role))
    SkillCatalogueRuleViolation.raise(
      SkillCatalogueError.RoleNotAllowed,
      `the skill catalogue is edited by the city administrator, not ${role}`,
    );
  if (command.data.expectedVersion !== state.version)
    SkillCatalogueRuleViolation.raise(
      SkillCatalogueError.VersionConflict,
      `expectedVersion: the catalogue is at version ${state.version}, not ${command.data.expectedVersion}: someone changed it meanwhile; reload and edit again`,
      { field: 'expectedVersion', version: state.version },
    );
  const version = state.version + 1;
  switch (command.type) {
    case 'DefineSkill': {
      const { skillId, name, nameEn, kind } = command.data;
      const current = entryOf(state, skillId);
      if (current?.name === name && current.nameEn === nameEn && current.kind === kind) return [];
      return [{ type: 'SkillDefined', data: { skillId, name, nameEn, kind, version } }];
    }
    case 'RemoveSkill': {
      const { skillId } = command.data;
      const current = entryOf(state, skillId);
      if (!current)
        SkillCatalogueRuleViolation.raise(
          SkillCatalogueError.UnknownSkill,
          `skillId: ${skillId} is not in the catalogue`,
          { field: 'skillId', skillId },
        );
      const { queues, agents } = context.usageOf(skillId);
      if (queues.length > 0 || agents.length > 0) {
        const users = [
          ...(queues.length > 0
            ? [`queues ${queues.map((q) => `${q.name} (${q.queueId})`).join(', ')}`]
            : []),
          ...(agents.length > 0 ? [`agents ${agents.map((a) => a.agentId).join(', ')}`] : []),
        ];
        SkillCatalogueRuleViolation.raise(
          SkillCatalogueError.SkillInUse,
          `skillId: ${current.name} (${skillId}) is in use by ${users.join(' and ')}; take it off them first`,
          { field: 'skillId', skillId, queues, agents },
        );
      }
      return [{ type: 'SkillRemoved', data: { skillId, version } }];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function evolve(state: SkillCatalogueState, event: SkillCatalogueEvent): SkillCatalogueState {
  switch (event.type) {
    case 'SkillDefined': {
      const { version, ...skill } = event.data;
      return {
        version,
        defined: { ...state.defined, [skill.skillId]: skill },
        removed: state.removed.filter((id) => id !== skill.skillId),
      };
    }
    case 'SkillRemoved': {
      const { version, skillId } = event.data;
      const defined = { ...state.defined };
      delete defined[skillId];
      return { version, defined, removed: [...state.removed, skillId] };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** A router's skill catalogue (技能目录): stream `skillCatalogue-<districtId>`, versioned by its changes. */
export const skillCatalogueDecider: Decider<
  SkillCatalogueCommand,
  SkillCatalogueEvent,
  SkillCatalogueState,
  SkillCatalogueLookups
> = {
  decide,
  evolve,
  initialState: () => ({ version: 0, defined: {}, removed: [] }),
};
