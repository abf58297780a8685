import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttachmentRef } from '@hotline/contracts';

const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/i;
/** Ids this store hands out: content-derived (`save`) or random (`upload`). */
const ATTACHMENT_ID = /^att-[A-Za-z0-9_-]{16,64}$/;

/** A stored attachment's reference plus the SHA-256 of its content (hex). */
export interface StoredAttachment extends AttachmentRef {
  sha256: string;
}

/**
 * Attachments as files named by their SHA-256 (the same file sent twice is stored once), under
 * `<dir>/<first two hex digits>/`, and one small JSON record per id under `<dir>/refs/` that says
 * which content an id names. Contacts and cases carry only the reference. A shared volume serves
 * several replicas; an object store would implement the same `save`, `upload` and `open`.
 */
export class FileAttachmentStore {
  constructor(private readonly dir: string) {}

  /** Channels (mail, mailbox): the id derives from the content, so a redelivered message names the same file. */
  async save(name: string, mediaType: string, content: Buffer): Promise<AttachmentRef> {
    const sha256 = await this.writeContent(content);
    const stored = await this.record(`att-${sha256.slice(0, 40)}`, name, mediaType, content, sha256);
    return { id: stored.id, name: stored.name, mediaType: stored.mediaType, sizeBytes: stored.sizeBytes };
  }

  /**
   * Uploads over HTTP: a random id, so knowing a file (or guessing) never finds someone else's
   * upload; the content is still stored once.
   */
  async upload(name: string, mediaType: string, content: Buffer): Promise<StoredAttachment> {
    const sha256 = await this.writeContent(content);
    return this.record(`att-${randomBytes(18).toString('base64url')}`, name, mediaType, content, sha256);
  }

  /** The attachment an id names, or undefined for an unknown or malformed id. */
  async open(id: string): Promise<{ attachment: StoredAttachment; content: Buffer } | undefined> {
    if (!ATTACHMENT_ID.test(id)) return undefined;
    let attachment: StoredAttachment;
    try {
      attachment = JSON.parse(await readFile(this.refPath(id), 'utf8')) as StoredAttachment;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return { attachment, content: await readFile(this.contentPath(attachment.sha256)) };
  }

  static isAttachmentId(id: string): boolean {
    return ATTACHMENT_ID.test(id);
  }

  private async writeContent(content: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
    await writeAtomically(this.contentPath(sha256), content);
    return sha256;
  }

  private async record(
    id: string,
    name: string,
    mediaType: string,
    content: Buffer,
    sha256: string,
  ): Promise<StoredAttachment> {
    const attachment: StoredAttachment = {
      id,
      name: (name.trim() || 'attachment').slice(0, 255),
      mediaType: MEDIA_TYPE.test(mediaType) ? mediaType.toLowerCase() : 'application/octet-stream',
      sizeBytes: content.length,
      sha256,
    };
    await mkdir(join(this.dir, 'refs'), { recursive: true });
    await writeAtomically(this.refPath(id), JSON.stringify(attachment));
    return attachment;
  }

  private contentPath(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  private refPath(id: string): string {
    return join(this.dir, 'refs', `${id}.json`);
  }
}

/** A reader never sees half a file, even when two replicas write the same content at once. */
async function writeAtomically(path: string, data: Buffer | string): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}
