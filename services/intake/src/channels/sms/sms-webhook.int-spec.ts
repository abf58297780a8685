import type { CallerHistory } from '@hotline/contracts';
import { startIntakeHarness, type IntakeHarness } from '../../testing/intake-harness';
import { smsWebhookSignature, type SmsResult } from './sms-webhook';

const TOKEN = 'sms-webhook-test-token-0123456789';

describe('SMS channel over its HTTP webhook on loopback [HTTP: signed JSON push]', () => {
  let intake: IntakeHarness;
  let url: string;
  const post = (body: string, signature = smsWebhookSignature(TOKEN, body)) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hotline-signature': signature },
      body,
    });

  beforeAll(async () => {
    intake = await startIntakeHarness({
      mode: 'embedded',
      intakeEnv: {
        INTAKE_CHANNELS_HTTP_PORT: '0',
        INTAKE_CHANNELS_HTTP_HOST: '127.0.0.1',
        INTAKE_SMS_WEBHOOK_TOKEN: TOKEN,
        INTAKE_DISTRICT: 'gulou',
        INTAKE_SEED_KNOWLEDGE: 'false',
      },
    });
    url = `http://127.0.0.1:${intake.channels.addresses().webhookPort}/sms/inbound`;
  });
  afterAll(async () => {
    await intake.close();
  });

  it('answers each message of a batch on its own: the good one accepted with its reply, the bad ones rejected with the reason', async () => {
    const body = JSON.stringify({
      messages: [
        {
          id: 'gw-1001',
          from: '+86 138 0591 4321',
          text: '投诉楼下烧烤店油烟直排，熏得窗户都不敢开，烟尘很大',
        },
        { id: 'gw-1002', from: '13805914321', text: '' },
        { id: 'gw-1003', from: '13805914321', text: '长'.repeat(5000) },
        { id: 'bad id!', from: '13805914321', text: '路灯' },
      ],
    });
    const response = await post(body);
    expect(response.status).toBe(200);
    const { results } = (await response.json()) as { results: SmsResult[] };
    expect(results).toEqual([
      expect.objectContaining({
        id: 'gw-1001',
        status: 'accepted',
        outcome: 'case-registered',
        reply: expect.stringMatching(/受理号\d{8}/),
      }),
      { id: 'gw-1002', status: 'rejected', reason: 'text: empty' },
      { id: 'gw-1003', status: 'rejected', reason: 'text: too-long' },
      { id: 'bad id!', status: 'rejected', reason: expect.stringMatching(/^id: /) },
    ]);
    const history = await intake.query<CallerHistory>('GetCallerHistory', { phone: '13805914321' });
    expect(history.contacts).toHaveLength(1);

    const again = (await (await post(body)).json()) as { results: SmsResult[] };
    expect(again.results[0]).toEqual(results[0]);
  });

  it('refuses a push with a bad signature, malformed JSON or an oversized body, recording nothing', async () => {
    const body = JSON.stringify({ messages: [{ id: 'gw-2001', from: '13805917777', text: '路灯坏了' }] });
    expect((await post(body, 'sha256=00')).status).toBe(401);
    expect((await post('{"messages": [', smsWebhookSignature(TOKEN, '{"messages": ['))).status).toBe(400);
    const huge = JSON.stringify({ messages: [{ id: 'x', from: '13805917777', text: 'a'.repeat(300_000) }] });
    expect((await post(huge)).status).toBe(413);
    expect(
      (await intake.query<CallerHistory>('GetCallerHistory', { phone: '13805917777' })).contacts,
    ).toEqual([]);
    const metric = await intake.platform.metrics.getSingleMetric('hotline_intake_refused_total')?.get();
    expect(
      metric?.values.find((v) => v.labels.channel === 'sms' && v.labels.reason === 'bad-signature')?.value,
    ).toBe(1);
  });
});
