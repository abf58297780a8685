import * as smpp from 'smpp';
import type { CallerHistory } from '@hotline/contracts';
import { startIntakeHarness, type IntakeHarness } from '../../testing/intake-harness';
import { startSmsc, type Smsc } from '../../testing/smsc-test-peer';

const waitFor = async <T>(what: string, read: () => Promise<T | undefined> | T | undefined): Promise<T> => {
  for (let i = 0; i < 300; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

const UCS2 = 0x08;
const APP_ERROR = 0x65;

describe('SMS channel over SMPP on loopback [SMPP: smpp package, hotline as ESME]', () => {
  let smsc: Smsc;
  let intake: IntakeHarness;
  const history = (phone: string) => intake.query<CallerHistory>('GetCallerHistory', { phone });

  beforeAll(async () => {
    smsc = await startSmsc();
    intake = await startIntakeHarness({
      mode: 'embedded',
      intakeEnv: {
        INTAKE_SMPP_URL: `smpp://127.0.0.1:${smsc.port}`,
        INTAKE_SMPP_SYSTEM_ID: 'hotline-test',
        INTAKE_SMPP_PASSWORD: 'secret',
        INTAKE_DISTRICT: 'gulou',
        INTAKE_FLOOD_MAX_PER_WINDOW: '3',
        INTAKE_SEED_KNOWLEDGE: 'false',
      },
    });
    await waitFor('the bind', () => (intake.channels.addresses().smppBound ? true : undefined));
  });
  afterAll(async () => {
    await intake.close();
    await smsc.close();
  });

  it('takes a Chinese SMS as a contact, acknowledges it and replies with the case number', async () => {
    const status = await smsc.deliver({
      source_addr: '8613805911234',
      data_coding: UCS2,
      short_message: '投诉：台江区达道路的井盖不见了，窨井口敞着，很危险',
    });
    expect(status).toBe(0);
    const reply = await waitFor('the reply', () => smsc.submitted.find((s) => s.to === '8613805911234'));
    const { contacts } = await waitFor('the contact', async () => {
      const found = await history('13805911234');
      return found.contacts.length > 0 && found.contacts[0]?.replies === 1 ? found : undefined;
    });
    expect(contacts[0]).toMatchObject({
      channel: 'sms',
      outcome: 'case-registered',
      content: expect.stringContaining('井盖'),
    });
    expect(reply.text).toContain(contacts[0]?.caseNumber);
  });

  it('puts a long SMS sent in parts back together as one contact', async () => {
    const parts = [
      '仓山区金山大道辅路人行道砖松动翘起，',
      '老人走路已经摔倒好几次了，',
      '希望有关部门尽快修复。',
    ];
    for (const [i, text] of parts.entries()) {
      const status = await smsc.deliver({
        source_addr: '13805915678',
        data_coding: UCS2,
        esm_class: smpp.ESM_CLASS.UDH_INDICATOR,
        short_message: { udh: Buffer.from([0x05, 0x00, 0x03, 0x2a, parts.length, i + 1]), message: text },
      });
      expect(status).toBe(0);
    }
    const { contacts } = await waitFor('the contact', async () => {
      const found = await history('13805915678');
      return found.contacts.length > 0 ? found : undefined;
    });
    expect(contacts).toHaveLength(1);
    expect(contacts[0]?.content).toBe(parts.join('').replace(/，$/, ''));
  });

  it('refuses SMS it cannot read with a permanent error, counts them, and takes the next message', async () => {
    const invalid = [
      { data_coding: 0x04, short_message: Buffer.from([0x01, 0x02, 0x03]) },
      { data_coding: UCS2, short_message: Buffer.from([0xd8, 0x00, 0x00, 0x41]) },
      { data_coding: UCS2, short_message: Buffer.from([0x00, 0x41, 0xdc, 0x00]) },
      { data_coding: UCS2, short_message: '   ' },
    ];
    for (const message of invalid)
      expect(await smsc.deliver({ source_addr: '13805919999', ...message })).toBe(APP_ERROR);
    const metric = await intake.platform.metrics.getSingleMetric('hotline_intake_refused_total')?.get();
    const refused = (reason: string) =>
      metric?.values.find((v) => v.labels.channel === 'sms' && v.labels.reason === reason)?.value;
    expect({
      encoding: refused('unsupported-encoding'),
      ucs2: refused('invalid-ucs2'),
      empty: refused('empty'),
    }).toEqual({ encoding: 1, ucs2: 2, empty: 1 });
    expect(
      await smsc.deliver({ source_addr: '13805919999', data_coding: UCS2, short_message: '路灯不亮了' }),
    ).toBe(0);
  });

  it('records every message of a flood from one number, quarantining those beyond the allowance', async () => {
    for (let i = 1; i <= 5; i++) {
      expect(
        await smsc.deliver({
          source_addr: '13905910000',
          data_coding: UCS2,
          short_message: `第${i}条：你们都是骗子`,
        }),
      ).toBe(0);
    }
    const { contacts } = await waitFor('five contacts', async () => {
      const found = await history('13905910000');
      return found.contacts.length === 5 ? found : undefined;
    });
    expect(contacts.filter((c) => c.quarantine?.reason === 'flood')).toHaveLength(2);
  });
});
