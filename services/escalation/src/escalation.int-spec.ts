import {
  ESCALATION_SERVICE,
  chinaTime,
  chinaWorkingCalendar,
  commandSubject,
  querySubject,
  systemActor,
  type Actor,
  type Clock,
  type EmergencyReportView,
  type ReminderView,
  type SupervisionLedgerRow,
} from '@hotline/contracts';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { firstValueFrom } from 'rxjs';
import { createEscalationService } from './escalation.module';
import { escalationConfigSchema } from './escalation.config';
import type { NotificationSender } from './reminders/notification-sender';

const calendar = chinaWorkingCalendar();
const center: Actor = { id: 'center-1', role: 'center' };
const housing: Actor = { id: 'handler-1', role: 'unit', unitId: 'housing' };

class FakeClock implements Clock {
  constructor(public at: Date) {}
  now(): Date {
    return this.at;
  }
}

/** A test double for the SMSC: down for the whole test, so every SMS attempt fails. */
const smscDown: NotificationSender & { attempts: number } = {
  attempts: 0,
  send(channel) {
    this.attempts += 1;
    return channel === 'voice' ? Promise.resolve('requested') : Promise.reject(new Error('SMSC unreachable'));
  },
};

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the escalation service (embedded, fake clock)', () => {
  const dispatchedAt = chinaTime('2026-11-02', '09:00');
  const clock = new FakeClock(dispatchedAt);
  let booted: BootedPlatform;
  let sequence = 0;

  const send = <T>(subject: string, payload: unknown): Promise<T> =>
    firstValueFrom(booted.platform.client().send<T>(subject, payload));
  const command = (type: string, data: unknown, actor: Actor = center, districtId = 'city') => {
    const commandId = `esc-int-${sequence++}`;
    return send(commandSubject(ESCALATION_SERVICE, type), {
      commandId,
      type,
      data,
      metadata: { correlationId: commandId, actor, districtId },
    });
  };
  const rejection = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      return error as { code: string; kind: string; field?: string };
    }
    throw new Error('expected a rejection');
  };
  const query = <T>(type: string, data: Record<string, unknown>, viewer: Actor = center) =>
    send<T>(querySubject(ESCALATION_SERVICE, type), {
      viewer: { actor: viewer, districtId: 'city' },
      ...data,
    });

  const caseEvent = (caseId: string, type: string, data: Record<string, unknown>, at: Date, id: string) => ({
    id,
    type,
    version: 1,
    time: at.toISOString(),
    data: { caseId, ...data },
    metadata: {
      correlationId: caseId,
      causationId: caseId,
      actor: { id: 'agent-1', role: 'agent' },
      districtId: 'gulou',
    },
  });

  beforeAll(async () => {
    booted = await bootPlatform(
      [
        createEscalationService({
          config: escalationConfigSchema.parse({
            ESCALATION_TICK_MS: '50',
            ESCALATION_REMINDER_CHANNELS: 'portal,sms',
            ESCALATION_DELIVERY_ATTEMPTS: '3',
          }),
          sender: smscDown,
          retryBaseMs: 10,
        }),
      ],
      { clock },
    );
    const store = booted.platform.eventStore;
    for (const caseId of ['c1', 'c2']) {
      await store.append(
        `case-${caseId}`,
        [
          caseEvent(
            caseId,
            'CaseRegistered',
            { caseNumber: caseId === 'c1' ? '26110201' : '26110202' },
            dispatchedAt,
            `reg-${caseId}`,
          ),
          caseEvent(
            caseId,
            'CaseDispatched',
            {
              lead: {
                unitId: 'housing',
                signBy: calendar.addWorkingDays(dispatchedAt, 1).toISOString(),
                returnBy: calendar.addWorkingDays(dispatchedAt, 1).toISOString(),
              },
              coHandlers: [],
              dueAt: calendar.addWorkingDays(dispatchedAt, 2).toISOString(),
              limitWorkingDays: 2,
            },
            dispatchedAt,
            `dispatch-${caseId}`,
          ),
        ],
        'noStream',
      );
    }
    await store.append('case-c2', [caseEvent('c2', 'CaseCompleted', {}, dispatchedAt, 'complete-c2')], 1);
  }, 60_000);

  afterAll(() => booted?.close());

  it('refuses a reminder on a closed case, a supervision out of scope, and a rectification deadline in the past', async () => {
    const closed = await rejection(
      command('SendReminder', { reminderId: 'r-closed', caseId: 'c2', note: '请尽快办理' }),
    );
    expect(closed.code).toBe('REMINDER_CASE_CLOSED');
    const open = (data: Record<string, unknown>, districtId = 'city') =>
      command(
        'OpenSupervision',
        {
          supervisionId: `s-${sequence}`,
          caseId: 'c1',
          scope: 'media-exposure',
          level: 'center',
          rectifyBy: chinaTime('2026-11-10', '17:30').toISOString(),
          note: '媒体曝光',
          ...data,
        },
        center,
        districtId,
      );
    const outside = await rejection(open({}, 'cangshan'));
    expect(outside).toMatchObject({ code: 'SUPERVISION_OUT_OF_SCOPE', kind: 'forbidden' });
    const past = await rejection(open({ rectifyBy: chinaTime('2026-10-30', '17:30').toISOString() }));
    expect(past).toMatchObject({ code: 'SUPERVISION_RECTIFICATION_DEADLINE_IN_PAST', kind: 'validation' });
  });

  it('reminds the unit at its due points, retries a failing SMS and shows it undelivered, and supervises the overdue case', async () => {
    // Past sign-by (3 November noon): an automatic reminder, portal delivered, SMS failing.
    clock.at = new Date(chinaTime('2026-11-03', '12:00').getTime() + 200);
    const listed = await until(
      () => query<{ reminders: ReminderView[]; unread: number }>('ListReminders', { limit: 20 }, housing),
      (value) =>
        value.reminders.some(
          (r) =>
            r.point === 'sign-by' && r.deliveries.find((d) => d.channel === 'sms')?.state === 'undelivered',
        ),
      'the sign-by reminder undelivered by SMS',
    );
    const signBy = listed.reminders.find((r) => r.point === 'sign-by')!;
    expect(signBy).toMatchObject({ caseId: 'c1', unitId: 'housing', automatic: true, read: false });
    expect(signBy.deliveries).toEqual([
      { channel: 'portal', state: 'delivered', attempts: 1 },
      { channel: 'sms', state: 'undelivered', attempts: 3, error: 'SMSC unreachable' },
    ]);
    expect(listed.unread).toBeGreaterThanOrEqual(1);

    // A reminder by hand with a note, and the unit reading it.
    await command('SendReminder', { reminderId: 'r-manual', caseId: 'c1', note: '请今日内签收' });
    await command('MarkReminderRead', { reminderId: 'r-manual' }, housing);
    const manual = await until(
      () => query<{ reminders: ReminderView[] }>('ListReminders', { caseId: 'c1', limit: 20 }),
      (value) => value.reminders.some((r) => r.reminderId === 'r-manual' && r.read),
      'the manual reminder read',
    );
    expect(manual.reminders.find((r) => r.reminderId === 'r-manual')).toMatchObject({
      automatic: false,
      caseNumber: '26110201',
      note: '请今日内签收',
    });

    // Past the deadline (4 November noon): overdue fires once and opens a supervision by itself.
    clock.at = new Date(chinaTime('2026-11-04', '12:00').getTime() + 200);
    const ledger = await until(
      () => query<SupervisionLedgerRow[]>('GetSupervisionLedger', { limit: 20 }),
      (rows) => rows.some((row) => row.scope === 'overdue'),
      'the automatic supervision',
    );
    expect(ledger.find((row) => row.scope === 'overdue')).toMatchObject({
      caseId: 'c1',
      caseNumber: '26110201',
      unitId: 'housing',
      status: 'open',
      automatic: true,
    });
    const fired = await booted.platform.eventStore.readStream('caseEscalation-c1');
    const points = fired.map((e) => (e.data as { point: string }).point).sort();
    expect(points).toEqual(['due-soon', 'overdue', 'return-by', 'sign-by']);
    expect(fired.every((e) => e.metadata.actor.id === systemActor('escalation-timers').id)).toBe(true);

    // A working day later the unit's board shows the case one working day overdue.
    clock.at = chinaTime('2026-11-05', '12:00');
    const board = await query<Array<{ caseId: string; colour: string; workingDaysLeft: number }>>(
      'GetDeadlineBoard',
      { limit: 10 },
      housing,
    );
    expect(board).toEqual([expect.objectContaining({ caseId: 'c1', caseNumber: '26110201', colour: 'red' })]);
    expect(board[0]!.workingDaysLeft).toBe(-1);
  });

  it("supervises the unit when the survey's random audit callback disagrees with its reply (the flag on the bus)", async () => {
    // The survey's event, as the survey service appends it: c2 was completed by the housing unit.
    await booted.platform.eventStore.append(
      'callbackTask-audit-c2',
      [
        {
          id: 'audit-disagreed-c2',
          type: 'CallbackAuditDisagreed',
          version: 1,
          time: clock.now().toISOString(),
          data: {
            taskId: 'audit-c2',
            caseId: 'c2',
            unitId: 'housing',
            ratings: { efficiency: 'satisfied', attitude: 'satisfied', result: 'dissatisfied' },
            comment: '漏水根本没修',
          },
          metadata: {
            correlationId: 'c2',
            causationId: 'c2',
            actor: { id: 'agent-1', role: 'agent' },
            districtId: 'gulou',
          },
        },
      ],
      'noStream',
    );
    const ledger = await until(
      () => query<SupervisionLedgerRow[]>('GetSupervisionLedger', { caseId: 'c2', limit: 20 }),
      (rows) => rows.length > 0,
      'the supervision after the audit',
    );
    expect(ledger).toEqual([
      expect.objectContaining({
        caseId: 'c2',
        caseNumber: '26110202',
        unitId: 'housing',
        scope: 'dissatisfied-callback',
        status: 'open',
        automatic: true,
        note: '抽查回访与单位反馈不符，群众不满意：漏水根本没修',
      }),
    ]);
  });

  it('texts and calls the duty phone of an emergency case at once, and reports it to the emergency office', async () => {
    const at = clock.now();
    const later = (days: number) => calendar.addWorkingDays(at, days).toISOString();
    await booted.platform.eventStore.append(
      'case-c9',
      [
        caseEvent(
          'c9',
          'CaseRegistered',
          {
            caseNumber: '26110209',
            urgency: 'urgent',
            categoryCode: '010303',
            content: '小区燃气管道泄漏，气味很大',
            place: { address: '鼓楼区五四路1号' },
          },
          at,
          'reg-c9',
        ),
        caseEvent(
          'c9',
          'CaseDispatched',
          {
            lead: { unitId: 'gas', signBy: later(1), returnBy: later(1) },
            coHandlers: [],
            dueAt: later(5),
            limitWorkingDays: 5,
          },
          at,
          'dispatch-c9',
        ),
      ],
      'noStream',
    );
    const { reminders } = await until(
      () => query<{ reminders: ReminderView[] }>('ListReminders', { caseId: 'c9', limit: 20 }),
      (list) => list.reminders.some((r) => r.deliveries.some((d) => d.channel === 'sms' && d.attempts === 3)),
      'the emergency alert',
    );
    // The city sends reminders by portal and SMS; an emergency is called as well.
    expect(reminders).toEqual([
      expect.objectContaining({
        caseNumber: '26110209',
        unitId: 'gas',
        emergency: true,
        automatic: true,
        deliveries: [
          { channel: 'portal', state: 'delivered', attempts: 1 },
          { channel: 'sms', state: 'undelivered', attempts: 3, error: 'SMSC unreachable' },
          { channel: 'voice', state: 'requested', attempts: 1 },
        ],
      }),
    ]);
    const reports = await query<EmergencyReportView[]>('ListEmergencyReports', { limit: 10 });
    expect(reports).toEqual([
      {
        caseId: 'c9',
        caseNumber: '26110209',
        categoryCode: '010303',
        matter: '小区燃气管道泄漏，气味很大',
        address: '鼓楼区五四路1号',
        receivedAt: at.toISOString(),
        dispatchedAt: at.toISOString(),
        unitId: 'gas',
        reportedAt: expect.any(String),
        alert: [
          { channel: 'sms', state: 'undelivered', attempts: 3, error: 'SMSC unreachable' },
          { channel: 'voice', state: 'requested', attempts: 1 },
        ],
      },
    ]);
    // A unit reads its alert, not the office's report.
    expect(await query('ListEmergencyReports', { limit: 10 }, housing)).toEqual([]);

    // The telephony reports the duty officer answered: the call shows delivered.
    await booted.platform.eventStore.append(
      'outboundCall-reminder-emergency.dispatch-c9-voice-1-0',
      [
        {
          id: 'call-finished-c9',
          type: 'OutboundCallFinished',
          version: 1,
          time: at.toISOString(),
          data: {
            callId: 'reminder-emergency.dispatch-c9-voice-1-0',
            purpose: 'voice-notice',
            caseId: 'c9',
            outcome: 'answered',
            talkSeconds: 12,
          },
          metadata: {
            correlationId: 'c9',
            causationId: 'c9',
            actor: { id: 'system:sipapp', role: 'system' },
            districtId: 'city',
          },
        },
      ],
      'noStream',
    );
    const answered = await until(
      () => query<EmergencyReportView[]>('ListEmergencyReports', { limit: 10 }),
      (rows) => rows[0]?.alert?.some((d) => d.channel === 'voice' && d.state === 'delivered') === true,
      'the call answered',
    );
    expect(answered[0]?.alert).toContainEqual({ channel: 'voice', state: 'delivered', attempts: 1 });
  });
});
