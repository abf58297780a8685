import type { SkillEntry, skillCatalogueCommands } from '@hotline/contracts';
import {
  handleCommand,
  type CommandHandlerDeps,
  type CommandResult,
  type ParsedCommand,
} from '@hotline/infra/command';
import type { RouterState } from '../router/router-state';
import { skillCatalogueAggregate } from './skill-catalogue.aggregate';
import { catalogueEntries } from './skill-catalogue.decider';
import { NOT_IN_USE, skillUsage, type SkillUsage } from './skill-usage';

export interface SkillCatalogueServiceDeps extends CommandHandlerDeps {
  /** The router's district: the catalogue's stream is `skillCatalogue-<districtId>`. */
  districtId: string;
  /** The router caught up (the queues and agents a removal checks). */
  router: { current(): Promise<RouterState> };
}

export interface SkillCatalogueView {
  version: number;
  skills: (SkillEntry & { source: 'shipped' | 'city'; usage: SkillUsage })[];
  /** Skills queues or agents use that the catalogue does not name: shown as their ids. */
  unnamed: (SkillUsage & { skillId: string })[];
}

/**
 * DefineSkill and RemoveSkill on the router's catalogue. A removal reads the router first and is
 * refused while a queue needs the skill or an agent has it. A queue defined in the same instant
 * as the removal can still name it: every screen shows an unknown skill as its id, greyed.
 */
export class SkillCatalogueService {
  constructor(private readonly deps: SkillCatalogueServiceDeps) {}

  execute(command: ParsedCommand<(typeof skillCatalogueCommands)[number]>): Promise<CommandResult> {
    return handleCommand(this.deps, {
      aggregate: skillCatalogueAggregate,
      id: this.deps.districtId,
      command,
      context: async () => {
        const usage = skillUsage(await this.deps.router.current());
        return { usageOf: (skillId: string) => usage.get(skillId) ?? NOT_IN_USE };
      },
    });
  }

  async catalogue(): Promise<SkillCatalogueView> {
    const [loaded, router] = await Promise.all([
      skillCatalogueAggregate.load(this.deps.store, this.deps.districtId),
      this.deps.router.current(),
    ]);
    const usage = skillUsage(router);
    const skills = catalogueEntries(loaded.state).map((skill) => ({
      ...skill,
      usage: usage.get(skill.skillId) ?? NOT_IN_USE,
    }));
    const named = new Set(skills.map((skill) => skill.skillId));
    const unnamed = [...usage.entries()]
      .filter(([skillId]) => !named.has(skillId))
      .map(([skillId, use]) => ({ skillId, ...use }));
    return { version: loaded.state.version, skills, unnamed };
  }
}
