import { CITY_DISTRICT, ROUTING_SERVICE, systemActor, type QueueConfig } from '@hotline/contracts';
import type { DemoBus, DemoActor } from './demo-bus';
import type { DemoCase } from './demo-plan';

const platform: DemoActor = { actor: systemActor('demo-city'), districtId: CITY_DISTRICT };
const admin: DemoActor = {
  actor: { id: 'demo-city-admin', role: 'center', gatewayRole: 'city-admin' },
  districtId: CITY_DISTRICT,
};

const QUEUE_DEFAULTS: Omit<QueueConfig, 'queueId' | 'name' | 'requiredSkills'> = {
  strategy: 'longest-idle',
  offerTimeoutSeconds: 30,
  afterContactWorkSeconds: 60,
  tierRules: [],
  urgentPriority: 2,
  repeatCallerPriority: 1,
  serviceLevelSeconds: 15,
  shortAbandonSeconds: 5,
};

/**
 * The city's skill groups: everyone's, the Cantonese seats callers reach by pressing 2, and the
 * portal's web chats (the gateway's HOTLINE_CHAT_QUEUE), which a seat holds up to its chat capacity of.
 */
const DEMO_QUEUES: QueueConfig[] = [
  {
    ...QUEUE_DEFAULTS,
    // The shipped IVR flow's queue: a caller pressing 1 is queued here.
    queueId: 'general',
    name: '综合受理',
    requiredSkills: [],
    // Second-tier seats (the district desks' backup) join once a caller waited a minute; a full
    // queue sends callers to the callback list instead of a busy tone.
    tierRules: [{ tier: 2, afterSeconds: 60 }],
    maxLength: 200,
    overflow: { kind: 'callback' },
    // The wallboard marks the queue red once a caller waited two minutes.
    alarmWaitSeconds: 120,
  },
  {
    ...QUEUE_DEFAULTS,
    queueId: 'yue',
    name: '粤语专席',
    requiredSkills: [{ skillId: 'lang.yue', minLevel: 3 }],
    maxWaitSeconds: 180,
    overflow: { kind: 'queue', queueId: 'general' },
  },
  {
    ...QUEUE_DEFAULTS,
    queueId: 'web-chat',
    name: '网上咨询',
    requiredSkills: [],
    afterContactWorkSeconds: 30,
    // No seat logged in: the portal says so and the first message waits as a contact.
    noAgentMaxWaitSeconds: 0,
  },
];

/**
 * The router's own rules as the city set them: the defaults, and the care list (关爱名单) of callers
 * who wait with a higher priority. The number is the demo's own, not one of the waiting callers', so
 * the desk's walk still meets its callers in order.
 */
const DEMO_ROUTER_SETTINGS = {
  repeatCallerDays: 3,
  priorityCallers: [{ number: '13900001234', priority: 3 }],
  maxMissedOffers: 2,
  declineDelaySeconds: 5,
  noAnswerDelaySeconds: 10,
  wrapUpDelaySeconds: 0,
  seed: 12345,
};

/**
 * The demo's sign-in seats (the story's agents have no accounts, so no seats): the agent, and the
 * supervisor (班长), who takes calls from the desk too (after the agent where a queue offers in
 * order of position).
 */
const DEMO_SEATS = ['user:agent', 'user:supervisor'];

/**
 * The router of the demo city: its queues, every agent's profile, and three callers waiting when
 * the city opens (callers of earlier cases, so the screen pop has a history to show). An agent who
 * signs in as `agent`, logs in and goes ready is offered the first of them at once.
 */
export async function seedDemoRouting(bus: DemoBus, cases: readonly DemoCase[], now: Date): Promise<void> {
  const send = (type: string, id: string, as: DemoActor, data: Record<string, unknown>, at = now) =>
    bus.command(ROUTING_SERVICE, type, `demo:routing:${id}`, as, data, at);
  await send('SetRouterSettings', 'settings', admin, DEMO_ROUTER_SETTINGS);
  // The enterprise line the seats below hold, named in the skill catalogue (the languages come named).
  await send('DefineSkill', 'skill:biz.enterprise', admin, {
    skillId: 'biz.enterprise',
    name: '涉企服务',
    nameEn: 'Enterprise services',
    kind: 'business',
    expectedVersion: 0,
  });
  for (const queue of DEMO_QUEUES) await send('DefineQueue', `queue:${queue.queueId}`, admin, queue);
  for (const [i, agentId] of DEMO_SEATS.entries()) {
    await send('SetAgentProfile', `agent:${agentId}`, admin, {
      agentId,
      // Languages, and a skill beyond them (the enterprise line, 涉企服务) as the routing screen shows it.
      skills: i % 3 === 0 ? { 'lang.cmn': 5, 'lang.yue': 4, 'biz.enterprise': 6 } : { 'lang.cmn': 5 },
      queues: [
        { queueId: 'general', tier: 1, position: i, weight: 1 },
        ...(i % 3 === 0 ? [{ queueId: 'yue', tier: 1, position: i, weight: 1 }] : []),
        { queueId: 'web-chat', tier: 1, position: i, weight: 1 },
      ],
      chatCapacity: 3,
    });
  }
  const callers = cases
    .map((c) => c.caller.phone?.replace(/\s+/g, ''))
    .filter((phone): phone is string => phone !== undefined)
    .slice(0, 3);
  for (const [i, callerNumber] of callers.entries()) {
    await send(
      'QueueContact',
      `call:${i + 1}`,
      platform,
      {
        contactId: `demo-call-${i + 1}`,
        queueId: i === 2 ? 'yue' : 'general',
        channel: 'voice',
        callerNumber,
        urgent: false,
        requiredSkills: [],
      },
      new Date(now.getTime() - (3 - i) * 40_000),
    );
  }
}
