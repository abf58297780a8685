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

  it('gives every upload its own random id, stores the content once, and opens it by id', async () => {
    const first = await store.upload('通知.pdf', 'application/pdf', content);
    const second = await store.upload('copy.pdf', 'application/pdf', content);
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

  it('opens nothing for an unknown id or one that tries to leave the directory', async () => {
    expect(await store.open('att-AAAAAAAAAAAAAAAAAAAAAAAA')).toBeUndefined();
    expect(await store.open('att-../../etc/passwd')).toBeUndefined();
    expect(await store.open('../refs/x')).toBeUndefined();
  });
});
