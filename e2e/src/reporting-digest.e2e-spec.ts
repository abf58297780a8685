import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { BusRequests } from '@hotline/infra/bus';
import { SqliteReadStore } from '@hotline/infra/read-store';
import { createIntakeService } from '@hotline/intake';
import { startMailRelay, type MailRelay } from '@hotline/intake/testing';
import {
  DailyDigestService,
  DigestMailer,
  HotTopicsService,
  createReportingService,
} from '@hotline/reporting';

const LEADERS = ['mayor-office@hotline.localhost', 'deputy@hotline.localhost'];
/** Yesterday in Beijing time: the morning digest is about it. */
const yesterday = () => new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

async function until<T>(what: string, read: () => T, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The leaders' daily digest (要情) by mail: reporting asks intake (SendStaffNotice) to mail it through
 * the relay from the configured hour (0 here: at once), once per day and address.
 */
describe("The leaders' daily digest by mail [embedded: intake, reporting; SMTP relay on loopback]", () => {
  let relay: MailRelay;
  let booted: BootedPlatform;

  beforeAll(async () => {
    relay = await startMailRelay();
    booted = await bootPlatform([
      createIntakeService({
        env: {
          INTAKE_MAIL_RELAY_URL: `smtp://127.0.0.1:${relay.port}`,
          INTAKE_MAIL_FROM: '12345 <noreply@hotline.localhost>',
          INTAKE_SEED_KNOWLEDGE: 'false',
          INTAKE_CLASSIFIER: 'rules',
        },
      }),
      createReportingService({
        env: { REPORTING_DIGEST_MAIL_TO: LEADERS.join(', '), REPORTING_DIGEST_HOUR: '0' },
      }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await booted.close();
    await relay.close();
  });

  it("mails yesterday's digest to each leader once, however often it is asked again", async () => {
    const mails = await until(
      'two digests',
      () => relay.received,
      (received) => received.length >= 2,
    );
    const [year, month, day] = yesterday().split('-').map(Number);
    const date = `${year}年${month}月${day}日`;
    expect(mails.map((mail) => mail.subject)).toEqual([`【12345要情】${date}`, `【12345要情】${date}`]);
    expect(mails.map((mail) => (mail.to as { text: string }).text).sort()).toEqual([...LEADERS].sort());
    expect(mails[0]!.text).toContain(`${date}要情`);
    expect(mails[0]!.text).toContain('一、总体情况：受理0件');
    expect(mails[0]!.text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);

    // Another replica, or this one after a restart, with nothing remembered: intake sends no notice twice.
    const store = SqliteReadStore.inMemory();
    const now = () => new Date();
    const again = new DigestMailer({
      digests: new DailyDigestService(store, new HotTopicsService(store, now), now),
      requests: new BusRequests(booted.platform.client()),
      to: LEADERS,
      hour: 0,
      now,
      categoryName: (code) => code,
    });
    await again.tick();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(relay.received).toHaveLength(2);
  });
});
