import { randomUUID } from 'node:crypto';
import {
  INTAKE_SERVICE,
  ROUTING_SERVICE,
  WORKFLOW_SERVICE,
  commandSubject,
  type Actor,
  type CommandEnvelope,
} from '@hotline/contracts';
import { ScriptedMedia, type CallerAction } from '@hotline/contracts/src/telephony/ivr-engine/testing';
import { BusRecord, BusRequests, messageHeaders } from '@hotline/infra/bus';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
// An end-to-end test mounts the platform as the embedded runner does: intake, workflow, routing, sipapp.
import { intakeService } from '@hotline/intake';
import { routingService } from '@hotline/routing';
import {
  BusIvrServices,
  CallingHours,
  CityWorkingCalendar,
  IvrCallRunner,
  liveAnnouncementText,
  publishedFlow,
  sipappService,
} from '@hotline/sipapp';
import { workflowService } from '@hotline/workflow';
import { firstValueFrom } from 'rxjs';

const center: Actor = { id: 'user:center', role: 'center' };
const caller = '13912345678';

describe('IVR calls in the platform [embedded: intake, workflow, routing and sipapp on one bus]', () => {
  let running: BootedPlatform;
  let runner: IvrCallRunner;
  let calls = 0;

  beforeAll(async () => {
    running = await bootPlatform([workflowService, intakeService, routingService, sipappService], {
      env: { LOG_LEVEL: 'warn' },
    });
    const { platform } = running;
    const deps = { store: platform.eventStore, clock: platform.clock, logger: platform.logger };
    runner = new IvrCallRunner({
      ...deps,
      services: new BusIvrServices({
        bus: new BusRequests(platform.client()),
        // Monday 10:00 China time, a working day: the agent path does not depend on when the test runs.
        clock: { now: () => new Date('2026-12-07T02:00:00Z') },
        logger: platform.logger,
        liveAnnouncement: (language) => liveAnnouncementText(deps, language),
      }),
      currentFlow: () => publishedFlow(deps, 'main'),
    });
  }, 120_000);

  afterAll(async () => {
    await running?.close();
  });

  const intake = (type: string, data: unknown, service = INTAKE_SERVICE, actor = center) => {
    const commandId = randomUUID();
    const metadata = { correlationId: commandId, actor, districtId: 'city' };
    const envelope: CommandEnvelope = { commandId, type, data, metadata };
    return firstValueFrom(
      running.platform
        .client()
        .send(commandSubject(service, type), new BusRecord(envelope, messageHeaders(metadata))),
    );
  };

  async function call(script: CallerAction[], callerNumber = caller) {
    const media = new ScriptedMedia(script);
    const callId = `e2e-call-${calls++}`;
    const report = await runner.run({ callId, callerNumber, media });
    const stored = await running.platform.eventStore.readStream(`ivrCall-${callId}`);
    return { report, media, stored };
  }

  it('records a confirmed 2-2 complaint as a phone contact at intake and stores the call', async () => {
    const { report, stored } = await call(['2', '2', 'speech', '1']);
    expect(report.contactId).toBe(`ivr-${report.callId}`);
    expect(stored.map((e) => e.type)).toEqual(['IvrCallEnded']);
    expect(stored[0]!.data).toMatchObject({
      flowVersion: 0,
      outcome: 'hung-up',
      contactId: report.contactId,
      path: expect.arrayContaining([expect.objectContaining({ node: 'complaint', digits: '1' })]),
    });
  }, 60_000);

  it('answers a status query for a number that is not the caller’s case with "not found", revealing nothing', async () => {
    const { media } = await call(['2', '3', '12345678#', '1', { hangUp: true }]);
    expect(media.heard).toContain('case-not-found');
  }, 60_000);

  it('refuses a caller on intake’s blocklist', async () => {
    await intake('BlockCaller', { phone: '13700001111', reason: '多次骚扰热线' });
    const { report, media } = await call([], '13700001111');
    expect(report.outcome).toBe('blocked');
    expect(media.heard).toEqual(['blocked']);
  }, 60_000);

  it('queues a caller who presses 1 in working hours in routing’s general queue', async () => {
    await intake(
      'DefineQueue',
      {
        queueId: 'general',
        name: '综合',
        requiredSkills: [],
        strategy: 'longest-idle',
        offerTimeoutSeconds: 20,
        afterContactWorkSeconds: 30,
        tierRules: [],
        urgentPriority: 2,
        repeatCallerPriority: 1,
        serviceLevelSeconds: 15,
        shortAbandonSeconds: 5,
      },
      ROUTING_SERVICE,
      { id: 'system:e2e', role: 'system' },
    );
    const { report, media } = await call(['1']);
    expect(report.outcome).toBe('queued');
    expect(media.heard).toContain('please-hold');
    expect(report.path.map((s) => s.node)).toEqual([
      'check-blocklist',
      'welcome',
      'incident',
      'main-menu',
      'agent-hours',
      'agent',
    ]);
  }, 60_000);

  it('keeps the days the city declared: its holiday closes the IVR and holds survey calls, its make-up Saturday opens them', async () => {
    const bus = new BusRequests(running.platform.client());
    // Monday 2026-12-07, 10:00 China time.
    const calendar = new CityWorkingCalendar({
      bus,
      clock: { now: () => new Date('2026-12-07T02:00:00Z') },
      logger: running.platform.logger,
    });
    const tuesday = new Date('2026-12-08T02:00:00Z');
    const saturday = new Date('2026-12-12T02:00:00Z');
    expect([calendar.isWorkingDay(tuesday), calendar.isWorkingDay(saturday)]).toEqual([true, false]);
    await intake(
      'DeclareCalendarDay',
      { date: '2026-12-08', kind: 'holiday', name: '台风停工' },
      WORKFLOW_SERVICE,
    );
    await intake(
      'DeclareCalendarDay',
      { date: '2026-12-12', kind: 'workday', name: '调休上班' },
      WORKFLOW_SERVICE,
    );
    expect(await calendar.refresh()).toBe(true);
    expect([calendar.isWorkingDay(tuesday), calendar.isWorkingDay(saturday)]).toEqual([false, true]);

    // A survey call asked on Monday at 21:30 waits past the city's holiday to Wednesday 08:00.
    const hours = CallingHours.parse('08:00-21:00', (at) => calendar.isWorkingDay(at));
    const asked = Date.parse('2026-12-07T13:30:00Z');
    expect(hours.msUntilOpen(new Date(asked))).toBe(Date.parse('2026-12-09T00:00:00Z') - asked);

    // The IVR on the city's holiday: a caller pressing 1 hears the off-hours message, not a queue.
    const onHoliday = new IvrCallRunner({
      store: running.platform.eventStore,
      clock: running.platform.clock,
      logger: running.platform.logger,
      services: new BusIvrServices({
        bus,
        clock: { now: () => tuesday },
        logger: running.platform.logger,
        calendar,
        liveAnnouncement: () => Promise.resolve(undefined),
      }),
      currentFlow: () =>
        publishedFlow(
          {
            store: running.platform.eventStore,
            clock: running.platform.clock,
            logger: running.platform.logger,
          },
          'main',
        ),
    });
    const report = await onHoliday.run({
      callId: `e2e-call-${calls++}`,
      callerNumber: caller,
      media: new ScriptedMedia(['1']),
    });
    const nodes = report.path.map((step) => step.node);
    expect(nodes).toContain('off-hours');
    expect(nodes).not.toContain('agent');
    expect(report.outcome).not.toBe('queued');
  }, 60_000);
});
