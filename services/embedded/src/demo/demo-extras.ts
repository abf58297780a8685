import { CITY_DISTRICT, INTAKE_SERVICE } from '@hotline/contracts';
import { DEMO_ARTICLES } from './content/demo-articles';
import { DEMO_ABANDONED, DEMO_REFERRALS, DEMO_WAITING } from './content/demo-contacts';
import { demoPhone } from './content/demo-places';
import type { DemoBus } from './demo-bus';
import { demoAgent, demoCenter } from './demo-people';
import type { DemoCase } from './demo-plan';

const HOUR = 3_600_000;

/** The demo's own knowledge articles, drafted and approved by the center like any other. */
export async function seedDemoArticles(bus: DemoBus, at: Date): Promise<void> {
  const later = new Date(at.getTime() + 2 * HOUR);
  for (const { articleId, content } of DEMO_ARTICLES) {
    await bus.command(
      INTAKE_SERVICE,
      'DraftKnowledgeArticle',
      `demo:article:${articleId}:draft`,
      demoCenter(0, CITY_DISTRICT),
      { articleId, content },
      at,
    );
    await bus.command(
      INTAKE_SERVICE,
      'ReviewKnowledgeArticle',
      `demo:article:${articleId}:approve`,
      demoCenter(1, CITY_DISTRICT),
      { articleId, version: 1, decision: 'approve' },
      later,
    );
  }
}

/**
 * Contacts beside the cases: emergencies referred at once, callers who hung up, messages waiting for
 * an agent, and citizens calling again about an overdue case, whose contacts are merged into it (重复来电).
 */
export async function seedDemoContacts(
  bus: DemoBus,
  cases: readonly DemoCase[],
  now: Date,
): Promise<string[]> {
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
  const record = (contactId: string, at: Date, districtId: string, data: Record<string, unknown>) =>
    bus.command(
      INTAKE_SERVICE,
      'RecordContact',
      `demo:${contactId}:record`,
      demoAgent(0, districtId),
      {
        contactId,
        channel: 'phone',
        receivedAt: at.toISOString(),
        ...data,
      },
      at,
    );
  const places = cases.slice(0, DEMO_REFERRALS.length);
  for (const [i, referral] of DEMO_REFERRALS.entries()) {
    const place = places[i] as DemoCase;
    const contactId = `demo-referral-${i + 1}`;
    const at = ago(referral.hoursAgo);
    await record(contactId, at, place.districtId, {
      caller: { phone: demoPhone(9000 + i) },
      content: referral.text.replaceAll('{addr}', place.address),
    });
    await bus.command(
      INTAKE_SERVICE,
      'ReferContact',
      `demo:${contactId}:refer`,
      demoAgent(0, place.districtId),
      { contactId, service: referral.service },
      new Date(at.getTime() + 60_000),
    );
  }
  for (const [i, abandoned] of DEMO_ABANDONED.entries()) {
    const contactId = `demo-abandoned-${i + 1}`;
    const at = ago(abandoned.hoursAgo);
    await record(contactId, at, CITY_DISTRICT, {
      caller: { phone: demoPhone(9100 + i) },
      content: abandoned.text,
    });
    await bus.command(
      INTAKE_SERVICE,
      'AbandonContact',
      `demo:${contactId}:abandon`,
      demoAgent(1, CITY_DISTRICT),
      { contactId },
      new Date(at.getTime() + 60_000),
    );
  }
  for (const [i, waiting] of DEMO_WAITING.entries()) {
    const place = cases[cases.length - 1 - i] as DemoCase;
    const contactId = `demo-waiting-${i + 1}`;
    await record(contactId, new Date(now.getTime() - waiting.minutesAgo * 60_000), place.districtId, {
      channel: waiting.channel,
      caller: { name: place.caller.name ?? '市民', phone: demoPhone(9300 + i) },
      content: waiting.text.replaceAll('{addr}', place.address),
    });
  }
  const overdue = cases.filter((c) => c.scenario === 'in-progress-red').slice(0, 4);
  for (const [i, demo] of overdue.entries()) {
    const contactId = `demo-repeat-${i + 1}`;
    const at = ago(3 + i * 7);
    await record(contactId, at, demo.districtId, {
      caller: { name: demo.caller.name ?? '市民', phone: demoPhone(9200 + i) },
      content: `再次反映：${demo.content}已经过了办理期限，问题还没有解决。`,
      place: { address: demo.address },
    });
    await bus.command(
      INTAKE_SERVICE,
      'MergeContactIntoCase',
      `demo:${contactId}:merge`,
      demoAgent(2, demo.districtId),
      { contactId, caseId: demo.caseId },
      new Date(at.getTime() + 120_000),
    );
  }
  return overdue.map((c) => c.caseId);
}
