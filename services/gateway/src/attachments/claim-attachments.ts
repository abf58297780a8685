import type { IncomingMessage, ServerResponse } from 'node:http';
import { FileAttachmentStore } from '@hotline/infra/attachments';

const WRITES = new Set(['POST', 'PUT', 'PATCH']);
const MAX_DEPTH = 6;

/**
 * Before a command leaves the gateway, the uploads it references are kept for good, so the sweep of
 * unreferenced uploads never removes a file a contact or case names. Claiming first means a command
 * that is then refused leaves its files kept (bounded by the upload quota), never the reverse. A
 * middleware, not an interceptor: it runs in the request's own async context, so the trace the
 * request carries reaches the bus.
 */
export function claimAttachments(store: FileAttachmentStore) {
  return (
    request: IncomingMessage & { body?: unknown },
    _response: ServerResponse,
    next: (error?: unknown) => void,
  ) => {
    if (!WRITES.has(request.method ?? '')) return next();
    const ids = attachmentIdsIn(request.body);
    if (ids.size === 0) return next();
    Promise.all([...ids].map((id) => store.claim(id))).then(() => next(), next);
  };
}

/** Every `{ id: 'att-…', mediaType }` (an AttachmentRef) anywhere in a JSON body. */
export function attachmentIdsIn(body: unknown, depth = 0, found = new Set<string>()): Set<string> {
  if (depth > MAX_DEPTH || typeof body !== 'object' || body === null) return found;
  if (Array.isArray(body)) {
    for (const item of body) attachmentIdsIn(item, depth + 1, found);
    return found;
  }
  const record = body as Record<string, unknown>;
  if (
    typeof record.id === 'string' &&
    typeof record.mediaType === 'string' &&
    FileAttachmentStore.isAttachmentId(record.id)
  ) {
    found.add(record.id);
  }
  for (const value of Object.values(record)) attachmentIdsIn(value, depth + 1, found);
  return found;
}
