import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HotlineHttp } from './testing/hotline-http';
import { startServiceProcess, type ServiceProcess } from './testing/service-process';

const AGENT = { username: 'agent' };
const CENTER = { username: 'center' };
/** An identity card number (the checksum does not matter to a log scan) written into a contact. */
const ID_NUMBER = '350102198001011234';

/**
 * `npm start` with the demo city and logs at `info` (one access line per request), driven through
 * the desk's lookups and the blocklist with the demo citizens' numbers: nothing personal reaches the
 * logs. Personal data travels in bodies, never in paths, and the access log writes paths only.
 */
describe('Personal data stays out of the logs [embedded process, demo city, info logs]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-logs-e2e-'));
  let platform: ServiceProcess;
  let http: HotlineHttp;

  beforeAll(async () => {
    platform = startServiceProcess('embedded', {
      HOTLINE_MODE: 'embedded',
      HOTLINE_DEMO: 'on',
      HOTLINE_DATA_DIR: dir,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      HOTLINE_INSECURE_COOKIES: 'true',
      EVENT_STORE_DURABILITY: 'normal',
      HOTLINE_TRACE_EXPORTER: 'none',
    });
    http = new HotlineHttp((await platform.url).replace('localhost', '127.0.0.1'));
    await http.waitUntilReady(240_000);
  }, 300_000);

  afterAll(async () => {
    await platform?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes no phone number, name or ID number of the demo citizens into the logs', async () => {
    // The demo citizens as an agent sees them (unmasked).
    const page = await http.ok<{ items: Array<{ caseId: string }> }>('GET', '/api/cases?pageSize=20', {
      as: AGENT,
    });
    const citizens: Array<{ name?: string; phone?: string }> = [];
    for (const { caseId } of page.items.slice(0, 10)) {
      const detail = await http.ok<{ citizen?: { name?: string; phone?: string } }>(
        'GET',
        `/api/cases/${caseId}`,
        { as: AGENT },
      );
      if (detail.citizen) citizens.push(detail.citizen);
    }
    const phones = [
      ...new Set(citizens.flatMap((c) => (c.phone && /^\d{11}$/.test(c.phone) ? [c.phone] : []))),
    ];
    const names = [...new Set(citizens.flatMap((c) => (c.name && c.name.length >= 2 ? [c.name] : [])))];
    expect(phones.length).toBeGreaterThan(2);
    expect(names.length).toBeGreaterThan(2);

    for (const phone of phones) {
      await http.ok('POST', '/api/callers/history', { as: AGENT, body: { phone } });
      await http.ok('POST', '/api/blocklist/lookup', { as: AGENT, body: { phone } });
    }
    const blocked = phones[0] ?? '';
    await http.ok('POST', '/api/blocklist', {
      as: CENTER,
      body: { commandId: 'logs-block-1', phone: blocked, reason: '多次辱骂话务员' },
    });
    await http.ok('POST', '/api/blocklist/unblock', {
      as: CENTER,
      body: { commandId: 'logs-unblock-1', phone: blocked },
    });
    await http.ok('POST', '/api/contacts', {
      as: AGENT,
      body: {
        commandId: 'logs-contact-1',
        contactId: 'logs-contact-1',
        channel: 'phone',
        caller: { name: names[0], phone: phones[1] },
        content: `我叫${names[0] ?? ''}，身份证${ID_NUMBER}，电话${phones[1] ?? ''}，小区门口路灯不亮。`,
      },
    });
    await http.request('GET', `/api/cases?q=${encodeURIComponent(names[1] ?? '')}`, { as: AGENT });

    const logs = platform.output();
    expect(logs).toMatch(/"path":"\/api\/callers\/history"/); // the access log ran at info
    const found = [...phones, ...names, ID_NUMBER].filter((value) => logs.includes(value));
    expect(found).toEqual([]);
  });
});
