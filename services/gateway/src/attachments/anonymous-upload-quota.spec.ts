import { AnonymousUploadQuota } from './anonymous-upload-quota';
import { attachmentIdsIn } from './claim-attachments';

const MIB = 1024 * 1024;

describe('AnonymousUploadQuota', () => {
  let now = Date.parse('2026-12-07T09:00:00+08:00');
  const quota = new AnonymousUploadQuota({ uploadsPerHour: 2, mibPerHour: 3, pendingMib: 100 }, () => now);

  it('counts files and bytes per address in a sliding hour, and frees them an hour after each', () => {
    quota.record('10.0.0.1', 2 * MIB);
    expect(quota.check('10.0.0.1', 2 * MIB, 0)).toMatchObject({
      reason: 'at most 3 MiB per hour without signing in',
    });
    expect(quota.check('10.0.0.2', 2 * MIB, 0)).toBeUndefined();
    now += 10 * 60_000;
    quota.record('10.0.0.1', 1000);
    expect(quota.check('10.0.0.1', 0, 0)).toEqual({
      reason: 'at most 2 files per hour without signing in',
      retryAfterSeconds: 50 * 60,
    });
    now += 50 * 60_000;
    expect(quota.check('10.0.0.1', 2 * MIB, 0)).toBeUndefined();
  });

  it('refuses anyone once the unreferenced uploads in total would pass the limit', () => {
    expect(quota.check('10.0.0.9', MIB, 99.5 * MIB)).toMatchObject({ retryAfterSeconds: 600 });
    expect(quota.check('10.0.0.9', MIB, 99 * MIB)).toBeUndefined();
  });
});

describe('attachmentIdsIn', () => {
  it('finds every AttachmentRef in a command body, nested in lists and objects, and nothing else', () => {
    const ref = (id: string) => ({ id, name: 'a.png', mediaType: 'image/png', sizeBytes: 1 });
    const body = {
      commandId: 'c-1',
      id: 'att-not-a-ref-without-media-type',
      attachments: [ref('att-AAAAAAAAAAAAAAAAAAAAAAAA'), ref('att-BBBBBBBBBBBBBBBBBBBBBBBB')],
      reply: { files: [ref('att-CCCCCCCCCCCCCCCCCCCCCCCC'), ref('../../etc/passwd')] },
    };
    expect([...attachmentIdsIn(body)].sort()).toEqual([
      'att-AAAAAAAAAAAAAAAAAAAAAAAA',
      'att-BBBBBBBBBBBBBBBBBBBBBBBB',
      'att-CCCCCCCCCCCCCCCCCCCCCCCC',
    ]);
    expect(attachmentIdsIn('text').size).toBe(0);
  });
});
