import { INTAKE_SERVICE } from '@hotline/contracts';
import { demoPhone } from './content/demo-places';
import type { DemoBus } from './demo-bus';
import { demoAgent } from './demo-people';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Where the storm is: one estate of 台江区 whose water went off. */
export const DEMO_STORM = {
  districtId: 'taijiang',
  address: '台江区洋中街道莲花社区莲花新村8座',
  categoryCode: '010301',
  /** Calls in the hour: above REPORTING_SURGE_MIN_COUNT (10), against a baseline of none. */
  calls: 12,
} as const;

const TEXTS = [
  '{addr}突然停水了，整栋楼都没水，也没有看到停水通知。',
  '{addr}停水一个多小时了，家里老人孩子都等着用水，什么时候恢复？',
  '我是{addr}的住户，现在停水，物业说不清楚原因，请帮忙问问。',
  '{addr}停水，水龙头一滴水都没有，请尽快处理。',
];

/**
 * When the storm's calls came: two minutes apart from a minute into the clock hour that began at least
 * half an hour before `now` (Beijing's hours are UTC's, eight ahead), so all are in one hour and past;
 * each is registered a minute after its call.
 */
export function stormTimes(now: Date): Date[] {
  const hour = Math.floor((now.getTime() - 30 * MINUTE) / HOUR) * HOUR;
  return Array.from({ length: DEMO_STORM.calls }, (_, i) => new Date(hour + MINUTE + i * 2 * MINUTE));
}

/**
 * A small storm in the demo's last hours: a dozen calls within one clock hour about the water going
 * off at one estate, registered as cases, so `npm start` shows the supervisors' surge banner and the
 * 突发聚集 list (a category, a keyword and a place surging at once: one banner). The calls fall in the
 * clock hour half an hour before `now` began, two minutes apart, all in the past. Commands are
 * idempotent by id, so a resumed seeding adds nothing.
 */
export async function seedDemoStorm(bus: DemoBus, now: Date): Promise<void> {
  const agent = demoAgent(3, DEMO_STORM.districtId);
  for (const [i, at] of stormTimes(now).entries()) {
    const id = String(i + 1).padStart(2, '0');
    const [contactId, caseId] = [`demo-storm-contact-${id}`, `demo-storm-case-${id}`];
    await bus.command(
      INTAKE_SERVICE,
      'RecordContact',
      `demo:${caseId}:contact`,
      agent,
      {
        contactId,
        channel: 'phone',
        receivedAt: at.toISOString(),
        caller: { name: i % 2 ? '陈女士' : '林先生', phone: demoPhone(9500 + i) },
        content: (TEXTS[i % TEXTS.length] as string).replaceAll('{addr}', DEMO_STORM.address),
        place: { address: DEMO_STORM.address },
      },
      at,
    );
    await bus.command(
      INTAKE_SERVICE,
      'RegisterCaseFromContact',
      `demo:${caseId}:register`,
      agent,
      {
        contactId,
        caseId,
        type: 'help',
        categoryCode: DEMO_STORM.categoryCode,
        place: { address: DEMO_STORM.address },
      },
      new Date(at.getTime() + MINUTE),
    );
  }
}
