import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AttachmentRef } from '@hotline/contracts';

const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/i;
/** Ids this store hands out: content-derived (`save`) or random (`upload`). */
const ATTACHMENT_ID = /^att-[A-Za-z0-9_-]{16,64}$/;

/** A stored attachment's reference plus the SHA-256 of its content (hex). */
export interface StoredAttachment extends AttachmentRef {
  sha256: string;
}

/** An upload that no command has referenced yet: kept whole until claimed or expired. */
interface PendingRecord extends StoredAttachment {
  uploadedAt: number;
  anonymous: boolean;
}

/**
 * Attachments as files named by their SHA-256 (the same file sent twice is stored once), under
 * `<dir>/<first two hex digits>/`, and one small JSON record per id under `<dir>/refs/` that says
 * which content an id names. Contacts and cases carry only the reference. A shared volume serves
 * several replicas; an object store would implement the same `save`, `upload`, `claim` and `open`.
 *
 * An HTTP upload waits under `<dir>/pending/` until a command that references it claims it; one that
 * is never claimed (a citizen who gave up, or someone filling the disk) is removed by `sweep`.
 */
export class FileAttachmentStore {
  constructor(private readonly dir: string) {}

  /** Channels (mail, mailbox): the id derives from the content, so a redelivered message names the same file. */
  async save(name: string, mediaType: string, content: Buffer): Promise<AttachmentRef> {
    const sha256 = await this.writeContent(content);
    const stored = describe(`att-${sha256.slice(0, 40)}`, name, mediaType, content);
    await this.keep(stored);
    return { id: stored.id, name: stored.name, mediaType: stored.mediaType, sizeBytes: stored.sizeBytes };
  }

  /**
   * Uploads over HTTP: a random id, so knowing a file (or guessing) never finds someone else's
   * upload. Pending until `claim`; `anonymous` uploads count against the portal's total quota.
   */
  async upload(
    name: string,
    mediaType: string,
    content: Buffer,
    options: { anonymous?: boolean; now?: number } = {},
  ): Promise<StoredAttachment> {
    const id = `att-${randomBytes(18).toString('base64url')}`;
    const pending: PendingRecord = {
      ...describe(id, name, mediaType, content),
      uploadedAt: options.now ?? Date.now(),
      anonymous: options.anonymous === true,
    };
    await mkdir(join(this.dir, 'pending'), { recursive: true });
    await writeAtomically(this.pendingPath(id, 'bin'), content);
    await writeAtomically(this.pendingPath(id, 'json'), JSON.stringify(pending));
    this.pendingAnonymousBytes = (this.pendingAnonymousBytes ?? 0) + (pending.anonymous ? content.length : 0);
    return withoutPendingFields(pending);
  }

  /**
   * A command references the upload: keep it for good (content stored once, by hash). True when the
   * id names an attachment (already kept, or pending); false for an unknown or expired one.
   */
  async claim(id: string): Promise<boolean> {
    if (!ATTACHMENT_ID.test(id)) return false;
    if (await exists(this.refPath(id))) return true;
    const pending = await this.readPending(id);
    if (!pending) return false;
    const content = await readFile(this.pendingPath(id, 'bin'));
    await this.writeContent(content);
    await this.keep(withoutPendingFields(pending));
    await this.forgetPending(id, pending);
    return true;
  }

  /** The attachment an id names, or undefined for an unknown or malformed id. */
  async open(id: string): Promise<{ attachment: StoredAttachment; content: Buffer } | undefined> {
    if (!ATTACHMENT_ID.test(id)) return undefined;
    const kept = await readJson<StoredAttachment>(this.refPath(id));
    if (kept) return { attachment: kept, content: await readFile(this.contentPath(kept.sha256)) };
    const pending = await this.readPending(id);
    if (!pending) return undefined;
    const content = await readFile(this.pendingPath(id, 'bin')).catch(ignoreMissing);
    return content ? { attachment: withoutPendingFields(pending), content } : undefined;
  }

  /** Removes uploads unclaimed for `maxAgeMs`; recounts the pending anonymous bytes while at it. */
  async sweep(maxAgeMs: number, now = Date.now()): Promise<{ removed: number; bytes: number }> {
    let removed = 0;
    let bytes = 0;
    let anonymousBytes = 0;
    for (const id of await this.pendingIds()) {
      const pending = await this.readPending(id);
      if (!pending) continue;
      if (now - pending.uploadedAt >= maxAgeMs) {
        await this.forgetPending(id, pending);
        removed += 1;
        bytes += pending.sizeBytes;
      } else if (pending.anonymous) anonymousBytes += pending.sizeBytes;
    }
    this.pendingAnonymousBytes = anonymousBytes;
    return { removed, bytes };
  }

  /** Bytes of anonymous uploads waiting to be claimed (counted from the volume the first time). */
  async anonymousPendingBytes(): Promise<number> {
    if (this.pendingAnonymousBytes === undefined) await this.sweep(Number.POSITIVE_INFINITY);
    return this.pendingAnonymousBytes ?? 0;
  }

  private pendingAnonymousBytes: number | undefined;

  static isAttachmentId(id: string): boolean {
    return ATTACHMENT_ID.test(id);
  }

  private async writeContent(content: Buffer): Promise<string> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
    await writeAtomically(this.contentPath(sha256), content);
    return sha256;
  }

  private async keep(attachment: StoredAttachment): Promise<void> {
    await mkdir(join(this.dir, 'refs'), { recursive: true });
    await writeAtomically(this.refPath(attachment.id), JSON.stringify(attachment));
  }

  private readPending(id: string): Promise<PendingRecord | undefined> {
    return readJson<PendingRecord>(this.pendingPath(id, 'json'));
  }

  private async forgetPending(id: string, pending: PendingRecord): Promise<void> {
    // The record first: a reader that still finds the record but no content answers "unknown".
    await unlink(this.pendingPath(id, 'json')).catch(ignoreMissing);
    await unlink(this.pendingPath(id, 'bin')).catch(ignoreMissing);
    if (pending.anonymous && this.pendingAnonymousBytes !== undefined) {
      this.pendingAnonymousBytes = Math.max(0, this.pendingAnonymousBytes - pending.sizeBytes);
    }
  }

  private async pendingIds(): Promise<string[]> {
    const names = await readdir(join(this.dir, 'pending')).catch(ignoreMissing);
    return (names ?? []).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length));
  }

  private pendingPath(id: string, extension: 'bin' | 'json'): string {
    return join(this.dir, 'pending', `${id}.${extension}`);
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

function describe(id: string, name: string, mediaType: string, content: Buffer): StoredAttachment {
  return {
    id,
    name: (name.trim() || 'attachment').slice(0, 255),
    mediaType: MEDIA_TYPE.test(mediaType) ? mediaType.toLowerCase() : 'application/octet-stream',
    sizeBytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

function withoutPendingFields({
  uploadedAt: _at,
  anonymous: _anonymous,
  ...attachment
}: PendingRecord): StoredAttachment {
  return attachment;
}

async function readJson<T>(path: string): Promise<T | undefined> {
  const text = await readFile(path, 'utf8').catch(ignoreMissing);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(ignoreMissing)) !== undefined;
}

/** A file another replica removed (or never wrote) reads as absent; any other error is real. */
function ignoreMissing(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw error;
}
