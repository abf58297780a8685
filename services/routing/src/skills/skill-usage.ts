import type { RouterState } from '../router/router-state';

/** Where a skill is in use in the router: the queues that need it and the agents who have it. */
export interface SkillUsage {
  queues: { queueId: string; name: string }[];
  agents: { agentId: string }[];
}

export const NOT_IN_USE: SkillUsage = { queues: [], agents: [] };

/** Every skill the router's queues need or its agents have, with who uses it (sorted by id). */
export function skillUsage(state: Pick<RouterState, 'queues' | 'agents'>): Map<string, SkillUsage> {
  const usage = new Map<string, SkillUsage>();
  const of = (skillId: string): SkillUsage => {
    let entry = usage.get(skillId);
    if (!entry) usage.set(skillId, (entry = { queues: [], agents: [] }));
    return entry;
  };
  for (const { config } of [...state.queues.values()].sort((a, b) =>
    a.config.queueId.localeCompare(b.config.queueId),
  ))
    for (const { skillId } of config.requiredSkills)
      of(skillId).queues.push({ queueId: config.queueId, name: config.name });
  for (const agent of [...state.agents.values()].sort((a, b) => a.agentId.localeCompare(b.agentId)))
    for (const skillId of Object.keys(agent.profile.skills))
      of(skillId).agents.push({ agentId: agent.agentId });
  return usage;
}
