import { RuleViolation } from '@hotline/contracts';

/** Every rule of the skill catalogue a command can break. */
export enum SkillCatalogueError {
  RoleNotAllowed = 'SKILL_ROLE_NOT_ALLOWED',
  VersionConflict = 'SKILL_CATALOGUE_VERSION_CONFLICT',
  UnknownSkill = 'SKILL_UNKNOWN',
  SkillInUse = 'SKILL_IN_USE',
}

/** A refused role is 403, a stale edit 409, an unknown skill 404; a skill in use is a rule (422). */
export class SkillCatalogueRuleViolation extends RuleViolation<SkillCatalogueError> {
  static override readonly kinds = {
    [SkillCatalogueError.RoleNotAllowed]: 'forbidden',
    [SkillCatalogueError.VersionConflict]: 'conflict',
    [SkillCatalogueError.UnknownSkill]: 'not-found',
  } as const;
}
