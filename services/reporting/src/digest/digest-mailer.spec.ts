import { SqliteReadStore } from '@hotline/infra/read-store';
import { HotTopicsService } from '../topics/hot-topics.service';
import { DailyDigestService } from './daily-digest.service';
import { digestNoticeId } from './digest-mail';
import { DigestMailer } from './digest-mailer';

describe('DigestMailer', () => {
  it("waits for the configured Beijing hour, then mails yesterday's digest once per address", async () => {
    let now = new Date('2026-12-07T22:30:00Z'); // 06:30 on the 8th in Beijing
    const store = SqliteReadStore.inMemory();
    const clock = () => now;
    // A recording stand-in for the bus (the e2e test sends through intake and a real SMTP relay).
    const sent: Record<string, unknown>[] = [];
    const mailer = new DigestMailer({
      digests: new DailyDigestService(store, new HotTopicsService(store, clock), clock),
      requests: { command: (_definition, _id, data) => (sent.push(data as never), Promise.resolve({})) },
      to: ['leader@hotline.localhost'],
      hour: 7,
      now: clock,
      categoryName: (code) => code,
    });
    await mailer.tick();
    expect(sent).toEqual([]);
    now = new Date('2026-12-07T23:00:00Z'); // 07:00
    await mailer.tick();
    await mailer.tick();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      noticeId: digestNoticeId('2026-12-07', 'leader@hotline.localhost'),
      channel: 'email',
      subject: '【12345要情】2026年12月7日',
    });
    // The same address however it is written: the same notice.
    expect(digestNoticeId('2026-12-07', ' Leader@Hotline.localhost')).toBe(sent[0]!.noticeId);
  });
});
