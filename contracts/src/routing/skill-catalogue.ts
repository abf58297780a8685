import { z } from 'zod';
import { defineCommand, defineEvent, defineQuery } from '../messages/define';
import { ROUTING_SERVICE, SkillId, LANGUAGE_SKILLS } from './routing.values';

/** The stream category of a router's skill catalogue: `skillCatalogue-<districtId>`, beside `router-<districtId>`. */
export const SKILL_CATALOGUE_CATEGORY = 'skillCatalogue';

/** A language (普通话, English), a dialect (粤语, 闽南话) or a line of business (住房保障). */
export const SkillKind = z.enum(['language', 'dialect', 'business']);
export type SkillKind = z.infer<typeof SkillKind>;

export const SkillName = z.string().trim().min(1).max(40);

/** What the admin defines and every screen shows instead of the id. */
export const SkillEntry = z.object({
  skillId: SkillId,
  name: SkillName,
  nameEn: SkillName,
  kind: SkillKind,
});
export type SkillEntry = z.infer<typeof SkillEntry>;

/** The skills every catalogue starts with: the languages and dialects a 12345 center staffs. */
export const SHIPPED_SKILLS: readonly SkillEntry[] = (
  Object.entries(LANGUAGE_SKILLS) as [keyof typeof LANGUAGE_SKILLS, { zh: string; en: string }][]
).map(([skillId, names]) => ({
  skillId,
  name: names.zh,
  nameEn: names.en,
  kind: skillId === 'lang.yue' || skillId === 'lang.nan' ? 'dialect' : 'language',
}));

/** The catalogue's version the editor read (0: never edited), so a stale edit is refused. */
const ExpectedVersion = z.number().int().min(0);

export const DefineSkill = defineCommand({
  type: 'DefineSkill',
  service: ROUTING_SERVICE,
  summary:
    "Name a skill (zh-CN and English) and its kind in the router's skill catalogue, or rename a shipped one; the same names again change nothing.",
  schema: SkillEntry.extend({ expectedVersion: ExpectedVersion }),
});
export const RemoveSkill = defineCommand({
  type: 'RemoveSkill',
  service: ROUTING_SERVICE,
  summary:
    'Take a skill out of the catalogue; refused while a queue needs it or an agent has it, naming them.',
  schema: z.object({ skillId: SkillId, expectedVersion: ExpectedVersion }),
});

const versioned = { version: z.number().int().min(1) };
export const SkillDefined = defineEvent({
  type: 'SkillDefined',
  version: 1,
  category: SKILL_CATALOGUE_CATEGORY,
  summary: 'A skill was named (or renamed) in the catalogue.',
  schema: SkillEntry.extend(versioned),
});
export const SkillRemoved = defineEvent({
  type: 'SkillRemoved',
  version: 1,
  category: SKILL_CATALOGUE_CATEGORY,
  summary: 'A skill left the catalogue (no queue needed it, no agent had it).',
  schema: z.object({ skillId: SkillId, ...versioned }),
});

export const GetSkillCatalogue = defineQuery({
  type: 'GetSkillCatalogue',
  service: ROUTING_SERVICE,
  summary:
    "The router's skills with their names and kinds, the catalogue's version, and the queues and agents using each.",
  schema: z.object({}),
});

export const skillCatalogueCommands = [DefineSkill, RemoveSkill] as const;
export const skillCatalogueEvents = [SkillDefined, SkillRemoved] as const;
export const skillCatalogueDefinitions = [
  ...skillCatalogueCommands,
  ...skillCatalogueEvents,
  GetSkillCatalogue,
] as const;
