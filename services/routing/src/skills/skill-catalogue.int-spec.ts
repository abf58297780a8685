import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROUTING_SERVICE, commandSubject, querySubject, type Actor } from '@hotline/contracts';
import { privateNats, type PrivateNats } from '@hotline/infra/bus/testing';
import { rejectionOf } from '@hotline/infra/event-store/testing';
import { createTemporaryDatabase, type TemporaryDatabase } from '@hotline/infra/postgres/testing';
import { agentProfile, queueConfig } from '../testing/router-fixtures';
import {
  openRoutingInstances,
  routerCommandSender,
  type RoutingInstance,
} from '../testing/routing-instances';

const admin: Actor = { id: 'user:city-admin', role: 'center', gatewayRole: 'city-admin', name: '市管理员' };
const supervisor: Actor = { id: 'user:supervisor', role: 'agent', gatewayRole: 'supervisor' };

interface Catalogue {
  version: number;
  skills: {
    skillId: string;
    name: string;
    kind: string;
    usage: { queues: { queueId: string }[]; agents: { agentId: string }[] };
  }[];
  unnamed: { skillId: string }[];
}
interface Refusal {
  code: string;
  kind: string;
  field?: string;
  message: string;
  details?: Record<string, unknown>;
}

describe('the skill catalogue over NATS, two routing instances on PostgreSQL', () => {
  let dir: string;
  let nats: PrivateNats;
  let database: TemporaryDatabase;
  let instances: RoutingInstance[] = [];
  const router = routerCommandSender(`skills-int-${process.pid}`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotline-skills-int-'));
    nats = await privateNats(dir);
    database = await createTemporaryDatabase('skills');
    instances = await openRoutingInstances({ natsUrl: nats.url, databaseUrl: database.url, dataDir: dir });
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances) await instance.running.close();
    await nats?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const skillCommand = (
    via: RoutingInstance,
    type: 'DefineSkill' | 'RemoveSkill',
    commandId: string,
    data: unknown,
    actor: Actor = admin,
  ) =>
    via.send<{ position: number; events: unknown[] }>(commandSubject(ROUTING_SERVICE, type), {
      commandId,
      type,
      data,
      metadata: { correlationId: commandId, actor, districtId: 'city' },
    });
  const catalogue = (via: RoutingInstance) =>
    via.send<Catalogue>(querySubject(ROUTING_SERVICE, 'GetSkillCatalogue'), {});
  const refused = async (promise: Promise<unknown>) => (await rejectionOf(promise)) as Refusal;
  const stream = async () =>
    (await instances[0]!.platform.eventStore.readStreamOrEmpty('skillCatalogue-city')).map((e) => e.type);

  it('names a skill once per command id, and shows it with the shipped ones on the other instance', async () => {
    const [a, b] = instances as [RoutingInstance, RoutingInstance];
    expect((await catalogue(b)).skills.map((s) => s.skillId)).toEqual([
      'lang.cmn',
      'lang.en',
      'lang.nan',
      'lang.yue',
    ]);
    const housing = { skillId: 'biz.housing', name: '住房保障', nameEn: 'Housing', kind: 'business' };
    const first = await skillCommand(a, 'DefineSkill', 'define-housing', { ...housing, expectedVersion: 0 });
    const again = await skillCommand(b, 'DefineSkill', 'define-housing', { ...housing, expectedVersion: 0 });
    expect(again.position).toBe(first.position);
    expect(await stream()).toEqual(['SkillDefined']);
    const read = await catalogue(b);
    expect(read.version).toBe(1);
    expect(read.skills.find((s) => s.skillId === 'biz.housing')).toMatchObject({
      name: '住房保障',
      kind: 'business',
    });
  });

  it('refuses to remove a skill a queue needs or an agent has, naming them; removes it once free', async () => {
    const [a, b] = instances as [RoutingInstance, RoutingInstance];
    const needs = { skillId: 'biz.housing', minLevel: 3 };
    const seat = { queueId: 'housing', tier: 1, position: 0, weight: 1 };
    await router.command(b, {
      type: 'DefineQueue',
      data: queueConfig({ queueId: 'housing', name: '住房专席', requiredSkills: [needs] }),
    });
    await router.command(b, {
      type: 'SetAgentProfile',
      data: agentProfile('user:agent', { skills: { 'biz.housing': 5 }, queues: [seat] }),
    });
    const inUse = await refused(
      skillCommand(a, 'RemoveSkill', 'remove-housing-1', { skillId: 'biz.housing', expectedVersion: 1 }),
    );
    expect(inUse).toMatchObject({ code: 'SKILL_IN_USE', kind: 'rule', field: 'skillId' });
    expect(inUse.message).toMatch(
      /住房保障 \(biz\.housing\) is in use by queues 住房专席 \(housing\) and agents user:agent/,
    );
    expect(inUse.details).toMatchObject({
      queues: [{ queueId: 'housing' }],
      agents: [{ agentId: 'user:agent' }],
    });
    expect(await stream()).toEqual(['SkillDefined']);
    expect((await catalogue(a)).skills.find((s) => s.skillId === 'biz.housing')?.usage).toEqual({
      queues: [{ queueId: 'housing', name: '住房专席' }],
      agents: [{ agentId: 'user:agent' }],
    });

    await router.command(b, {
      type: 'DefineQueue',
      data: queueConfig({ queueId: 'housing', name: '住房专席' }),
    });
    await router.command(b, {
      type: 'SetAgentProfile',
      data: agentProfile('user:agent', { queues: [seat] }),
    });
    await skillCommand(a, 'RemoveSkill', 'remove-housing-2', { skillId: 'biz.housing', expectedVersion: 1 });
    expect(await stream()).toEqual(['SkillDefined', 'SkillRemoved']);
    expect((await catalogue(b)).skills.map((s) => s.skillId)).not.toContain('biz.housing');
  });

  it('refuses a stale version, an unknown skill, a bad name and a supervisor, storing nothing', async () => {
    const [a] = instances as [RoutingInstance];
    const data = { skillId: 'biz.water', name: '供水', nameEn: 'Water', kind: 'business' };
    expect(
      await refused(skillCommand(a, 'DefineSkill', 'stale', { ...data, expectedVersion: 1 })),
    ).toMatchObject({ code: 'SKILL_CATALOGUE_VERSION_CONFLICT', kind: 'conflict', field: 'expectedVersion' });
    expect(
      await refused(skillCommand(a, 'RemoveSkill', 'unknown', { skillId: 'biz.none', expectedVersion: 2 })),
    ).toMatchObject({ code: 'SKILL_UNKNOWN', kind: 'not-found' });
    expect(
      await refused(skillCommand(a, 'DefineSkill', 'bad-name', { ...data, name: '', expectedVersion: 2 })),
    ).toMatchObject({ kind: 'validation', field: 'data.name' });
    expect(
      await refused(
        skillCommand(a, 'DefineSkill', 'by-supervisor', { ...data, expectedVersion: 2 }, supervisor),
      ),
    ).toMatchObject({ code: 'SKILL_ROLE_NOT_ALLOWED', kind: 'forbidden' });
    expect(await stream()).toEqual(['SkillDefined', 'SkillRemoved']);
  });
});
