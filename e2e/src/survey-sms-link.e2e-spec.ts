import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  INTAKE_SERVICE,
  SURVEY_SERVICE,
  commandSubject,
  type Actor,
  type CommandEnvelope,
} from '@hotline/contracts';
import { jetstreamManager } from '@nats-io/jetstream';
import { BusRecord, JetStreamEventPublisher, messageHeaders } from '@hotline/infra/bus';
import { isolatedStreamSettings, privateNats } from '@hotline/infra/bus/testing';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema, startServices } from '@hotline/infra/platform';
import { Relay, lastPublishedPosition } from '@hotline/infra/relay';
// The SMS survey loop crosses three services: the workflow completes the case, the survey makes the
// task and its link, intake's SMSC session texts it.
import { createGatewayService } from '@hotline/gateway';
import { createIntakeService } from '@hotline/intake';
import { startSmsc, type Smsc } from '@hotline/intake/testing';
import { createSurveyService, routineTaskId } from '@hotline/survey';
import { workflowService } from '@hotline/workflow';
import { firstValueFrom } from 'rxjs';
import { people } from './testing/case-loop';
import { completedCase } from './testing/completed-case';
import { HotlineHttp } from './testing/hotline-http';

type Body = Record<string, unknown>;
const HOUR = 3_600_000;
const LINK = 'https://12345.example.gov.cn/s/';
const system: Actor = { id: 'system:test', role: 'system' };

/** The platform's time: the real clock moved by `offset`, so a test jumps to the task's due day or the night. */
const shifted = { offset: 0, now: () => new Date(Date.now() + shifted.offset) };
/** Beijing hour of the shifted clock. */
const beijingHour = () => new Date(shifted.now().getTime() + 8 * HOUR).getUTCHours();
/** Moves the shifted clock forward to the next `hour`:`minute` Beijing time after `from`. */
function jumpTo(from: Date, hour: number, minute = 0): void {
  const local = new Date(from.getTime() + 8 * HOUR);
  const target = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hour, minute);
  const at = target > local.getTime() ? target : target + 24 * HOUR;
  shifted.offset = at - 8 * HOUR - Date.now();
}

async function until<T>(what: string, read: () => Promise<T> | T, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('The SMS survey link sent to the citizen [distributed in one process: workflow, intake, survey, gateway on a private NATS; SMSC test peer]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-survey-sms-'));
  let smsc: Smsc;
  let nats: Awaited<ReturnType<typeof privateNats>>;
  let platform: Platform;
  let relay: Relay;
  let publisher: JetStreamEventPublisher;
  let running: Awaited<ReturnType<typeof startServices>>;
  let http: HotlineHttp;

  beforeAll(async () => {
    smsc = await startSmsc();
    nats = await privateNats(dir);
    const tag = randomUUID().replace(/-/g, '').slice(0, 10);
    const env = {
      HOTLINE_MODE: 'distributed',
      NATS_URL: nats.url,
      HOTLINE_DATA_DIR: dir,
      EVENT_STORE: 'sqlite',
      EVENT_STORE_DURABILITY: 'normal',
      READ_STORE: 'sqlite',
      ...isolatedStreamSettings('SMSL', tag),
      LOG_LEVEL: 'warn',
      HOTLINE_TRACE_EXPORTER: 'none',
      // The demo accounts and units the case walk uses (embedded mode seeds them by itself).
      HOTLINE_DEMO: 'on',
    };
    platform = await Platform.open('hotline', loadConfig(platformConfigSchema, env, 'hotline'), {
      clock: shifted,
    });
    const jsm = await jetstreamManager(platform.natsConnection);
    publisher = new JetStreamEventPublisher({
      connection: platform.natsConnection,
      topology: platform.topology,
    });
    relay = new Relay({
      store: platform.eventStore,
      publisher,
      resumePosition: () => lastPublishedPosition(jsm, platform.topology.eventsStream),
    });
    await relay.start();
    const intake = createIntakeService({
      env: {
        INTAKE_SMPP_URL: `smpp://127.0.0.1:${smsc.port}`,
        INTAKE_SMPP_SYSTEM_ID: 'hotline-test',
        INTAKE_SMPP_PASSWORD: 'secret',
        INTAKE_SEED_KNOWLEDGE: 'false',
        INTAKE_CLASSIFIER: 'rules',
      },
    });
    const survey = createSurveyService({
      env: {
        SURVEY_LINK_SECRET: 'e2e-survey-sms-secret-0123456789',
        SURVEY_LINK_BASE_URL: LINK,
        SURVEY_METHOD_BY_CHANNEL: 'web=sms',
        SURVEY_DUE_POLL_SECONDS: '1',
        SURVEY_SMS_MAX_TRIES: '2',
        SURVEY_SMS_RETRY_MINUTES: '1',
        SURVEY_AUDIT_SHARE: '0',
      },
    });
    const gateway = createGatewayService({
      auth: {
        env: { HOTLINE_SESSION_SECRET: randomUUID() + randomUUID(), HOTLINE_INSECURE_COOKIES: 'true' },
      },
    });
    running = await startServices(platform, [workflowService, intake, survey, gateway], {
      port: 0,
      host: '127.0.0.1',
      handleSignals: false,
    });
    http = new HotlineHttp(running.url);
    await http.waitUntilReady();
  }, 120_000);

  afterAll(async () => {
    await relay?.stop();
    await publisher?.close();
    await running?.close();
    await nats?.stop();
    await smsc?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const busCommand = (
    service: string,
    type: string,
    data: unknown,
    actor: Actor,
    commandId: string = randomUUID(),
  ) => {
    const metadata = { correlationId: commandId, actor, districtId: 'city' };
    const envelope: CommandEnvelope = { commandId, type, data, metadata };
    return firstValueFrom<Body>(
      platform
        .client()
        .send(commandSubject(service, type), new BusRecord(envelope, messageHeaders(metadata))),
    );
  };
  /** The clock moves on by hours or days: sessions signed in before would have expired, so sign in anew. */
  const jump = (from: Date, hour: number, minute = 0): void => {
    jumpTo(from, hour, minute);
    http = new HotlineHttp(running.url);
  };
  const task = (taskId: string) =>
    http.ok<Body>('GET', `/api/survey/callback-tasks/${taskId}`, { as: people.center });
  /**
   * The survey SMS a number got, each whole: the SMSC sees a long text as its concatenated parts, sent
   * one after the other, so the parts to the number are joined and split at each SMS's start.
   */
  const links = (phone: string): string[] =>
    smsc.submitted
      .filter((s) => s.to === `86${phone}`)
      .map((s) => s.text)
      .join('')
      .split(/(?=【12345】)/)
      .filter((text) => text.includes(LINK));
  const phoneNumber = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

  /** A web case completed at the shifted clock's time; answers its SMS task once it is scheduled. */
  async function smsTask(phone: string): Promise<{ caseId: string; taskId: string; dueAt: Date }> {
    const { caseId } = await completedCase(http, 'web', 'consult', phone);
    const taskId = routineTaskId(caseId, 1);
    const scheduled = await until(
      'the SMS task',
      () => task(taskId).catch((): Body => ({})),
      (t) => t.status === 'scheduled',
    );
    expect(scheduled).toMatchObject({ method: 'sms' });
    return { caseId, taskId, dueAt: new Date(scheduled.dueAt as string) };
  }

  it('texts the link on the due day; the page behind it takes the answer and the task and case close', async () => {
    const phone = phoneNumber();
    const { caseId, taskId, dueAt } = await smsTask(phone);
    expect(links(phone)).toEqual([]);
    jump(dueAt, 10);
    const [text] = await until(
      'the SMS with the link',
      () => links(phone),
      (l) => l.length === 1,
    ).catch(async (e: unknown) => {
      throw new Error(`${String(e)} ${JSON.stringify(await task(taskId))} ${shifted.now().toISOString()}`);
    });
    expect(text).toMatch(
      /^【12345】您的诉求（受理号\d+）已办结，请评价：https:\/\/12345\.example\.gov\.cn\/s\/\S+ 回复TD退订$/,
    );
    const sent = await until(
      'the send recorded',
      () => task(taskId),
      (t) => (t.sms as Body)?.status === 'sent',
    );
    expect(sent).toMatchObject({ status: 'link-sent', sms: { status: 'sent', parts: expect.any(Number) } });

    const token = (text as string).slice(text!.indexOf(LINK) + LINK.length).split(' ')[0] as string;
    expect(await http.ok('GET', `/api/public/surveys/${token}`)).toMatchObject({ answered: false });
    const ratings = { efficiency: 'satisfied', attitude: 'satisfied', result: 'basically-satisfied' };
    await http.ok('POST', `/api/public/surveys/${token}/answer`, {
      body: { commandId: randomUUID(), ratings, comment: '处理及时' },
    });
    expect(
      await until(
        'the answer',
        () => task(taskId),
        (t) => t.status === 'answered',
      ),
    ).toMatchObject({
      answeredBy: 'sms',
      ratings,
    });
    const closed = await until(
      'the case closed',
      () => http.ok<Body>('GET', `/api/cases/${caseId}`, { as: people.center }),
      (c) => c.status === 'closed',
    );
    expect(closed.status).toBe('closed');
    // The runner's later passes send nothing more.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(links(phone)).toHaveLength(1);
  }, 90_000);

  it('holds the SMS through the night and sends it when the quiet hours end', async () => {
    const phone = phoneNumber();
    const { taskId, dueAt } = await smsTask(phone);
    jump(dueAt, 23);
    expect(beijingHour()).toBe(23);
    const deferred = await until(
      'the deferral',
      () => task(taskId),
      (t) => (t.sms as Body)?.status === 'deferred',
    );
    // The quiet hours end at 08:00 Beijing time the next day.
    expect(new Date(deferred.smsDueAt as string).getTime() - shifted.now().getTime()).toBeGreaterThan(
      8 * HOUR,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(links(phone)).toEqual([]);

    jump(shifted.now(), 8, 1);
    await until(
      'the SMS in the morning',
      () => links(phone),
      (l) => l.length === 1,
    );
    expect(
      await until(
        'the send',
        () => task(taskId),
        (t) => (t.sms as Body)?.status === 'sent',
      ),
    ).toMatchObject({
      status: 'link-sent',
    });
  }, 90_000);

  it('sends no link to a number that texted TD: the task falls back to an agent at once', async () => {
    const phone = phoneNumber();
    jump(shifted.now(), 10);
    expect(await smsc.deliver({ source_addr: `86${phone}`, data_coding: 0x08, short_message: 'TD' })).toBe(0);
    const { taskId, dueAt } = await smsTask(phone);
    jump(dueAt, 10);
    const fallen = await until(
      'the fallback',
      () => task(taskId),
      (t) => t.method === 'desk',
    );
    expect(fallen).toMatchObject({
      status: 'scheduled',
      method: 'desk',
      sms: { status: 'failed', reason: 'opted-out', tries: 1 },
    });
    expect(links(phone)).toEqual([]);
  }, 90_000);

  it('sends no link to a citizen who opted out of surveys after the task was made: the task is waived', async () => {
    const phone = phoneNumber();
    const { taskId, dueAt } = await smsTask(phone);
    await busCommand(SURVEY_SERVICE, 'OptOutOfSurveys', { phone }, system);
    jump(dueAt, 10);
    expect(
      await until(
        'the waiver',
        () => task(taskId),
        (t) => t.status === 'waived',
      ),
    ).toMatchObject({
      waiver: 'opted-out',
    });
    expect(links(phone)).toEqual([]);
  }, 90_000);

  it('tries again when the SMSC refuses, and after the last try hands the task to an agent', async () => {
    const phone = phoneNumber();
    const { taskId, dueAt } = await smsTask(phone);
    smsc.refusing = true;
    try {
      jump(dueAt, 10);
      const retrying = await until(
        'a failed try',
        () => task(taskId),
        (t) => (t.sms as Body)?.status === 'retrying',
      );
      expect(retrying).toMatchObject({ status: 'link-sent', sms: { tries: 1, reason: 'smsc-unavailable' } });
      // SURVEY_SMS_RETRY_MINUTES=1: the second (last) try is due a minute later.
      shifted.offset += 61_000;
      const fallen = await until(
        'the fallback',
        () => task(taskId),
        (t) => t.method === 'desk',
      );
      expect(fallen).toMatchObject({ status: 'scheduled', sms: { status: 'failed', tries: 2 } });
      expect(smsc.refusals).toBeGreaterThanOrEqual(2);
    } finally {
      smsc.refusing = false;
    }
    expect(links(phone)).toEqual([]);
  }, 90_000);

  it('sends one SMS for the same SendSurveySms twice, and refuses it from anyone but a service', async () => {
    jump(shifted.now(), 10);
    const phone = phoneNumber();
    const smsId = `e2e-${randomUUID()}`;
    const send = (actor: Actor, commandId: string) =>
      busCommand(
        INTAKE_SERVICE,
        'SendSurveySms',
        { smsId, phone, text: `【12345】请评价：${LINK}x 回复TD退订` },
        actor,
        commandId,
      );
    const id = randomUUID();
    expect(await send(system, id)).toEqual({ outcome: 'sent', parts: 1 });
    // A repeat of the command, and another command naming the same SMS: answered, not sent again.
    expect(await send(system, id)).toEqual({ outcome: 'sent', parts: 1 });
    expect(await send(system, randomUUID())).toEqual({ outcome: 'sent', parts: 1 });
    expect(links(phone)).toHaveLength(1);
    const refused = await send({ id: 'agent-7', role: 'agent' }, randomUUID()).catch(
      (e: unknown) => e as Body,
    );
    expect(refused).toMatchObject({ code: 'SURVEY_SMS_NOT_ALLOWED' });
    expect(links(phone)).toHaveLength(1);
  }, 60_000);
});
