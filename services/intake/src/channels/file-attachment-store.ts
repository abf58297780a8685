import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttachmentRef } from '@hotline/contracts';

const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/i;

/**
 * Attachments as files named by their SHA-256 (the same file sent twice is stored once), under
 * `<dir>/<first two hex digits>/`. Contacts carry only the reference. A shared volume serves
 * several replicas; an object store would implement the same `save`.
 */
export class FileAttachmentStore {
  constructor(private readonly dir: string) {}

  async save(name: string, mediaType: string, content: Buffer): Promise<AttachmentRef> {
    const digest = createHash('sha256').update(content).digest('hex');
    const folder = join(this.dir, digest.slice(0, 2));
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, digest), content);
    return {
      id: `att-${digest.slice(0, 40)}`,
      name: (name.trim() || 'attachment').slice(0, 255),
      mediaType: MEDIA_TYPE.test(mediaType) ? mediaType.toLowerCase() : 'application/octet-stream',
      sizeBytes: content.length,
    };
  }
}
