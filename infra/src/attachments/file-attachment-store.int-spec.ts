import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileAttachmentStore } from './file-attachment-store';

describe('FileAttachmentStore [files on disk]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-attachment-store-'));
  const store = new FileAttachmentStore(dir);
  const content = Buffer.from('%PDF-1.7 a small document');
  const sha256 = createHash('sha256').update(content).digest('hex');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives every upload its own random id, keeps a claimed one by content once, and opens it by id', async () => {
    const first = await store.upload('通知.pdf', 'application/pdf', content);
    const second = await store.upload('copy.pdf', 'application/pdf', content);
    expect(await store.claim(first.id)).toBe(true);
    expect(await store.claim(second.id)).toBe(true);
    expect(await store.claim(first.id)).toBe(true);
    expect(first).toMatchObject({
      name: '通知.pdf',
      mediaType: 'application/pdf',
      sizeBytes: content.length,
      sha256,
    });
    expect(first.id).not.toBe(second.id);
    expect(readdirSync(join(dir, sha256.slice(0, 2)))).toEqual([sha256]);
    const opened = await store.open(first.id);
    expect(opened?.attachment).toEqual(first);
    expect(opened?.content.equals(content)).toBe(true);
  });

  it('names a channel attachment by its content, so a redelivered mail names the same file', async () => {
    const saved = await store.save('scan.pdf', 'APPLICATION/PDF', content);
    expect(saved).toEqual({
      id: `att-${sha256.slice(0, 40)}`,
      name: 'scan.pdf',
      mediaType: 'application/pdf',
      sizeBytes: content.length,
    });
    expect((await store.open(saved.id))?.attachment.sha256).toBe(sha256);
  });

  it('removes uploads nobody claimed once they are older than the limit, and keeps claimed ones', async () => {
    const ownDir = mkdtempSync(join(tmpdir(), 'hotline-attachment-sweep-'));
    const own = new FileAttachmentStore(ownDir);
    const t0 = Date.parse('2026-12-01T08:00:00+08:00');
    const hour = 3_600_000;
    const abandoned = await own.upload('a.png', 'image/png', Buffer.alloc(300, 1), {
      anonymous: true,
      now: t0,
    });
    const claimed = await own.upload('b.png', 'image/png', Buffer.alloc(200, 2), {
      anonymous: true,
      now: t0,
    });
    const recent = await own.upload('c.png', 'image/png', Buffer.alloc(100, 3), {
      anonymous: true,
      now: t0 + 23 * hour,
    });
    const staff = await own.upload('d.pdf', 'application/pdf', content, { now: t0 });
    expect(await own.anonymousPendingBytes()).toBe(600);
    expect((await own.open(abandoned.id))?.content.length).toBe(300);

    expect(await own.claim(claimed.id)).toBe(true);
    expect(await own.anonymousPendingBytes()).toBe(400);
    expect(await own.sweep(24 * hour, t0 + 24 * hour)).toEqual({ removed: 2, bytes: 300 + content.length });

    expect(await own.open(abandoned.id)).toBeUndefined();
    expect(await own.open(staff.id)).toBeUndefined();
    expect(await own.claim(abandoned.id)).toBe(false);
    expect((await own.open(claimed.id))?.content.equals(Buffer.alloc(200, 2))).toBe(true);
    expect((await own.open(recent.id))?.attachment.name).toBe('c.png');
    expect(await own.anonymousPendingBytes()).toBe(100);
    // A second replica starting on the same volume counts what is pending there.
    expect(await new FileAttachmentStore(ownDir).anonymousPendingBytes()).toBe(100);
    rmSync(ownDir, { recursive: true, force: true });
  });

  it('opens nothing for an unknown id or one that tries to leave the directory', async () => {
    expect(await store.open('att-AAAAAAAAAAAAAAAAAAAAAAAA')).toBeUndefined();
    expect(await store.open('att-../../etc/passwd')).toBeUndefined();
    expect(await store.open('../refs/x')).toBeUndefined();
  });
});
