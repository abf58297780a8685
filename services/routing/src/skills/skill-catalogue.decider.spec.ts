import type { Actor } from '@hotline/contracts';
import { deciderSpec } from '@hotline/infra/command/testing';
import { catalogueEntries, skillCatalogueDecider, type SkillCatalogueEvent } from './skill-catalogue.decider';
import { SkillCatalogueError } from './skill-catalogue.errors';
import { NOT_IN_USE, type SkillUsage } from './skill-usage';

const admin: Actor = { id: 'user:city-admin', role: 'center', gatewayRole: 'city-admin' };
const supervisor: Actor = { id: 'user:supervisor', role: 'agent', gatewayRole: 'supervisor' };
const inUse: Record<string, SkillUsage> = {
  'lang.yue': { queues: [{ queueId: 'cantonese', name: '粤语专席' }], agents: [{ agentId: 'user:agent' }] },
};
const catalogue = deciderSpec(skillCatalogueDecider, () => ({
  now: new Date('2026-12-07T02:00:00Z'),
  actor: admin,
  districtId: 'city',
  commandId: 'command-1',
  usageOf: (skillId: string) => inUse[skillId] ?? NOT_IN_USE,
}));

const housing = { skillId: 'biz.housing', name: '住房保障', nameEn: 'Housing', kind: 'business' as const };
const defined: SkillCatalogueEvent = { type: 'SkillDefined', data: { ...housing, version: 1 } };

describe('the skill catalogue', () => {
  it('starts with the shipped languages and dialects, named', () => {
    expect(catalogueEntries(skillCatalogueDecider.initialState())).toEqual([
      { skillId: 'lang.cmn', name: '普通话', nameEn: 'Mandarin', kind: 'language', source: 'shipped' },
      { skillId: 'lang.en', name: '英语', nameEn: 'English', kind: 'language', source: 'shipped' },
      { skillId: 'lang.nan', name: '闽南话', nameEn: 'Hokkien (Minnan)', kind: 'dialect', source: 'shipped' },
      { skillId: 'lang.yue', name: '粤语', nameEn: 'Cantonese', kind: 'dialect', source: 'shipped' },
    ]);
  });

  it('defines a skill as the next version; the same names again change nothing', () => {
    catalogue
      .given([])
      .when({ type: 'DefineSkill', data: { ...housing, expectedVersion: 0 } })
      .then([defined]);
    catalogue
      .given([defined])
      .when({ type: 'DefineSkill', data: { ...housing, expectedVersion: 1 } })
      .then([]);
    catalogue
      .given([])
      .when({
        type: 'DefineSkill',
        data: {
          skillId: 'lang.cmn',
          name: '普通话',
          nameEn: 'Mandarin',
          kind: 'language',
          expectedVersion: 0,
        },
      })
      .then([]);
  });

  it('renames a shipped skill, and the catalogue shows the new name', () => {
    const renamed: SkillCatalogueEvent = {
      type: 'SkillDefined',
      data: { skillId: 'lang.nan', name: '闽南语', nameEn: 'Minnan', kind: 'dialect', version: 1 },
    };
    catalogue
      .given([])
      .when({ type: 'DefineSkill', data: { ...renamed.data, expectedVersion: 0 } })
      .then([renamed]);
    const state = skillCatalogueDecider.evolve(skillCatalogueDecider.initialState(), renamed);
    expect(catalogueEntries(state).find((s) => s.skillId === 'lang.nan')).toMatchObject({
      name: '闽南语',
      source: 'shipped',
    });
  });

  it('refuses an edit on a version someone changed meanwhile, naming expectedVersion', () => {
    catalogue
      .given([defined])
      .when({ type: 'DefineSkill', data: { ...housing, name: '住房', expectedVersion: 0 } })
      .thenRejects(
        SkillCatalogueError.VersionConflict,
        /^expectedVersion: the catalogue is at version 1, not 0/,
      );
  });

  it('removes a skill nobody uses, and refuses one in use, naming the queues and agents', () => {
    catalogue
      .given([defined])
      .when({ type: 'RemoveSkill', data: { skillId: 'biz.housing', expectedVersion: 1 } })
      .then([{ type: 'SkillRemoved', data: { skillId: 'biz.housing', version: 2 } }]);
    catalogue
      .given([])
      .when({ type: 'RemoveSkill', data: { skillId: 'lang.yue', expectedVersion: 0 } })
      .thenRejects(
        SkillCatalogueError.SkillInUse,
        /^skillId: 粤语 \(lang\.yue\) is in use by queues 粤语专席 \(cantonese\) and agents user:agent;/,
      );
    catalogue
      .given([])
      .when({ type: 'RemoveSkill', data: { skillId: 'biz.unknown', expectedVersion: 0 } })
      .thenRejects(SkillCatalogueError.UnknownSkill, /^skillId: biz\.unknown is not in the catalogue/);
  });

  it('takes a removed shipped skill out of the catalogue, and back when defined again', () => {
    const removed: SkillCatalogueEvent = { type: 'SkillRemoved', data: { skillId: 'lang.en', version: 1 } };
    const state = skillCatalogueDecider.evolve(skillCatalogueDecider.initialState(), removed);
    expect(catalogueEntries(state).map((s) => s.skillId)).not.toContain('lang.en');
    catalogue
      .given([removed])
      .when({ type: 'RemoveSkill', data: { skillId: 'lang.en', expectedVersion: 1 } })
      .thenRejects(SkillCatalogueError.UnknownSkill);
    const back = skillCatalogueDecider.evolve(state, {
      type: 'SkillDefined',
      data: { skillId: 'lang.en', name: '英语', nameEn: 'English', kind: 'language', version: 2 },
    });
    expect(catalogueEntries(back).map((s) => s.skillId)).toContain('lang.en');
  });

  it('is for the city administrator', () => {
    catalogue
      .given([])
      .when({ type: 'DefineSkill', data: { ...housing, expectedVersion: 0 } }, { actor: supervisor })
      .thenRejects(SkillCatalogueError.RoleNotAllowed, /not supervisor/);
  });
});
