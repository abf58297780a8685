import { randomUUID } from 'node:crypto';
import {
  ESCALATION_SERVICE,
  INTAKE_SERVICE,
  WORKFLOW_SERVICE,
  commandSubject,
  querySubject,
  type Actor,
  type EmergencyReportView,
  type ReminderView,
} from '@hotline/contracts';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { createEscalationService, escalationConfigSchema } from '@hotline/escalation';
import { createIntakeService } from '@hotline/intake';
import { sipappService } from '@hotline/sipapp';
import { startMailRelay, startSmsc, type MailRelay, type Smsc } from '@hotline/intake/testing';
import { workflowService } from '@hotline/workflow';
import { firstValueFrom } from 'rxjs';

const agent: Actor = { id: 'agent-7', role: 'agent' };
const center: Actor = { id: 'center-2', role: 'center' };

async function until<T>(what: string, read: () => Promise<T> | T, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A 催办 reaches the unit's staff by SMS and mail: escalation asks intake (SendStaffNotice) to text the
 * unit's duty desk and liaison through the SMSC and to mail them through the relay, all on one bus.
 */
describe('Reminders by SMS and mail [embedded: workflow, intake, escalation; SMPP and SMTP peers on loopback]', () => {
  let smsc: Smsc;
  let relay: MailRelay;
  let booted: BootedPlatform;

  const send = <T>(subject: string, payload: unknown): Promise<T> =>
    firstValueFrom(booted.platform.client().send<T>(subject, payload));
  const command = <T = Record<string, unknown>>(
    service: string,
    type: string,
    data: unknown,
    actor: Actor,
    districtId = 'city',
    commandId: string = randomUUID(),
  ) =>
    send<T>(commandSubject(service, type), {
      commandId,
      type,
      data,
      metadata: { correlationId: commandId, actor, districtId },
    });
  const reminders = async (caseId: string): Promise<ReminderView[]> =>
    (
      await send<{ reminders: ReminderView[] }>(querySubject(ESCALATION_SERVICE, 'ListReminders'), {
        viewer: { actor: center, districtId: 'city' },
        caseId,
      })
    ).reminders;

  /** A case of the Taijiang street office `unitId`, dispatched to it; answers its id and number. */
  const dispatchedCase = async (
    unitId: string,
    matter: Record<string, unknown> = { categoryCode: '030101', content: '夜间施工噪声扰民' },
  ): Promise<{ caseId: string; caseNumber: string }> => {
    const caseId = randomUUID();
    const registered = await command<{ caseNumber: string }>(
      WORKFLOW_SERVICE,
      'RegisterCase',
      {
        caseId,
        type: 'complaint',
        ...matter,
        citizen: { name: '李女士', phone: '13900001234' },
        channel: 'phone',
        place: { address: '台江区洋中街道莲花路8号' },
      },
      agent,
      'taijiang',
    );
    await command(WORKFLOW_SERVICE, 'DispatchCase', { caseId, leadUnitId: unitId }, center);
    return { caseId, caseNumber: registered.caseNumber };
  };

  beforeAll(async () => {
    smsc = await startSmsc();
    relay = await startMailRelay();
    booted = await bootPlatform([
      workflowService,
      sipappService,
      createIntakeService({
        env: {
          INTAKE_SMPP_URL: `smpp://127.0.0.1:${smsc.port}`,
          INTAKE_SMPP_SYSTEM_ID: 'hotline-test',
          INTAKE_SMPP_PASSWORD: 'secret',
          INTAKE_MAIL_RELAY_URL: `smtp://127.0.0.1:${relay.port}`,
          INTAKE_MAIL_FROM: '12345 <noreply@hotline.localhost>',
          INTAKE_SEED_KNOWLEDGE: 'false',
          INTAKE_CLASSIFIER: 'rules',
        },
      }),
      createEscalationService({
        config: escalationConfigSchema.parse({
          ESCALATION_REMINDER_CHANNELS: 'portal,sms,email',
          ESCALATION_DELIVERY_ATTEMPTS: '3',
          ESCALATION_TICK_MS: '100',
        }),
        retryBaseMs: 20,
      }),
    ]);
    await command(
      WORKFLOW_SERVICE,
      'RegisterUnit',
      {
        unitId: 'e2e-lianhua',
        name: '莲花社区居委会',
        level: 'community',
        parentId: 'taijiang-yanghang',
        contacts: [
          { role: 'duty', name: '值班室', phone: '138 0591 0001', email: 'duty@lianhua.example' },
          { role: 'liaison', name: '陈联络员', phone: '13805910002' },
          { role: 'leader', name: '林主任', phone: '13805910003', email: 'lin@lianhua.example' },
        ],
      },
      center,
    );
    await command(
      WORKFLOW_SERVICE,
      'RegisterUnit',
      { unitId: 'e2e-nocontact', name: '无联系人社区', level: 'community', parentId: 'taijiang-yanghang' },
      center,
    );
  }, 120_000);

  afterAll(async () => {
    await booted?.close();
    await relay?.close();
    await smsc?.close();
  });

  it('texts the duty desk and the liaison, mails the duty desk, and leaves the leader out', async () => {
    const { caseId, caseNumber } = await dispatchedCase('e2e-lianhua');
    await command(
      ESCALATION_SERVICE,
      'SendReminder',
      { reminderId: randomUUID(), caseId, note: '群众反映强烈，请今天回复' },
      center,
    );

    const [reminder] = await until(
      'every channel delivered',
      () => reminders(caseId),
      (rows) => rows[0]?.deliveries.filter((d) => d.state === 'delivered').length === 3,
    );
    expect(reminder?.deliveries.map((d) => [d.channel, d.state]).sort()).toEqual([
      ['email', 'delivered'],
      ['portal', 'delivered'],
      ['sms', 'delivered'],
    ]);
    const texts = smsc.submitted.filter((s) => s.text.includes(caseNumber));
    expect(texts.map((s) => s.to).sort()).toEqual(['8613805910001', '8613805910002']);
    expect(texts[0]?.text).toMatch(
      new RegExp(
        `^【12345】催办：案件${caseNumber}，办理期限\\d+月\\d+日\\d\\d:\\d\\d，请及时办理并答复。群众反映强烈，请今天回复$`,
      ),
    );
    const mails = relay.received.filter((m) => m.subject === `【12345催办】案件${caseNumber}`);
    expect(mails.map((m) => JSON.stringify(m.to))).toEqual([expect.stringContaining('duty@lianhua.example')]);
    expect(mails[0]?.text).toContain('群众反映强烈');
  });

  it('texts and calls the duty desk of an emergency case at once, and reports it to the emergency office', async () => {
    const { caseId, caseNumber } = await dispatchedCase('e2e-lianhua', {
      categoryCode: '010303',
      content: '楼道里燃气味很浓，疑似管道泄漏',
      urgency: 'urgent',
    });
    const [alert] = await until(
      'the emergency alert texted and the call requested',
      () => reminders(caseId),
      (rows) =>
        rows[0]?.deliveries.find((d) => d.channel === 'sms')?.state === 'delivered' &&
        rows[0]?.deliveries.find((d) => d.channel === 'voice')?.state === 'requested',
    );
    expect(alert).toMatchObject({ emergency: true, automatic: true });
    const texts = smsc.submitted.filter((s) => s.text.includes(caseNumber));
    expect(texts.map((s) => s.to).sort()).toEqual(['8613805910001', '8613805910002']);
    expect(texts[0]?.text).toBe(`【12345】紧急：案件${caseNumber}，请立即签收办理，并电话回复热线`);
    // The sipapp took the call to the duty desk's phone (the leader and the liaison are not called).
    const calls = (
      await booted.platform.eventStore.readAll({ filter: { eventTypes: ['OutboundCallRequested'] } })
    )
      .map(
        (e) => e.data as { callId: string; number: string; purpose: string; caseId: string; message: string },
      )
      .filter((c) => c.caseId === caseId);
    expect(calls).toEqual([
      expect.objectContaining({
        number: '13805910001',
        purpose: 'voice-notice',
        message: `这里是12345热线。紧急案件，受理号 ${caseNumber.split('').join(' ')}，请立即签收办理。`,
      }),
    ]);
    // The duty officer answers: the telephony reports it, and the call shows delivered.
    const telephony: Actor = { id: 'system:sipapp', role: 'system' };
    await command(
      'telephony',
      'ReportOutboundCallOutcome',
      { callId: calls[0]?.callId, outcome: 'answered' },
      telephony,
    );
    await until(
      'the call answered',
      () => reminders(caseId),
      (rows) => rows[0]?.deliveries.find((d) => d.channel === 'voice')?.state === 'delivered',
    );
    const [report] = await until(
      'the report to the emergency office',
      () =>
        send<EmergencyReportView[]>(querySubject(ESCALATION_SERVICE, 'ListEmergencyReports'), {
          viewer: { actor: center, districtId: 'city' },
          caseId,
        }),
      (rows) => rows.length === 1,
    );
    expect(report).toMatchObject({
      caseNumber,
      categoryCode: '010303',
      matter: '楼道里燃气味很浓，疑似管道泄漏',
      address: '台江区洋中街道莲花路8号',
      unitId: 'e2e-lianhua',
    });
  });

  it('shows a unit without a mobile number as undelivered by SMS, after its attempts, never as sent', async () => {
    const { caseId, caseNumber } = await dispatchedCase('e2e-nocontact');
    await command(ESCALATION_SERVICE, 'SendReminder', { reminderId: randomUUID(), caseId }, center);
    const [reminder] = await until(
      'both channels undelivered',
      () => reminders(caseId),
      (rows) => rows[0]?.deliveries.filter((d) => d.state === 'undelivered').length === 2,
    );
    expect(reminder?.deliveries.find((d) => d.channel === 'sms')).toMatchObject({
      attempts: 3,
      error: expect.stringContaining('no duty or liaison contact with a mobile number'),
    });
    expect(smsc.submitted.some((s) => s.text.includes(caseNumber))).toBe(false);
  });

  it('retries while the SMSC refuses and then texts each person once', async () => {
    const { caseId, caseNumber } = await dispatchedCase('e2e-lianhua');
    smsc.refusing = true;
    await command(ESCALATION_SERVICE, 'SendReminder', { reminderId: randomUUID(), caseId }, center);
    await until(
      'a refused attempt',
      () => smsc.refusals,
      (n) => n > 0,
    );
    smsc.refusing = false;
    await until(
      'the SMS delivered',
      () => reminders(caseId),
      (rows) => rows[0]?.deliveries.some((d) => d.channel === 'sms' && d.state === 'delivered') === true,
    );
    const texts = smsc.submitted.filter((s) => s.text.includes(caseNumber));
    expect(texts.map((s) => s.to).sort()).toEqual(['8613805910001', '8613805910002']);
  });

  it('sends a staff notice once per notice id, and refuses one from a person', async () => {
    const data = { noticeId: `e2e-${randomUUID()}`, channel: 'sms', to: '13805910009', text: '测试通知' };
    const system: Actor = { id: 'system:e2e', role: 'system' };
    await command(INTAKE_SERVICE, 'SendStaffNotice', data, system);
    await command(INTAKE_SERVICE, 'SendStaffNotice', data, system);
    expect(smsc.submitted.filter((s) => s.to === '8613805910009')).toHaveLength(1);
    await expect(
      command(INTAKE_SERVICE, 'SendStaffNotice', { ...data, noticeId: `e2e-${randomUUID()}` }, center),
    ).rejects.toMatchObject({
      code: 'STAFF_NOTICE_NOT_ALLOWED',
      kind: 'forbidden',
    });
    await expect(
      command(INTAKE_SERVICE, 'SendStaffNotice', { ...data, to: '12345' }, system),
    ).rejects.toMatchObject({
      kind: 'validation',
      field: 'data.to',
    });
  });
});
