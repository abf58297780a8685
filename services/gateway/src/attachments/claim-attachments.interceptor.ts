import type { IncomingMessage } from 'node:http';
import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Observable } from 'rxjs';
import { from, switchMap } from 'rxjs';
import { FileAttachmentStore } from '@hotline/infra/attachments';
import { ATTACHMENT_STORE } from './attachment-store.token';

const WRITES = new Set(['POST', 'PUT', 'PATCH']);
const MAX_DEPTH = 6;

/**
 * Before a command leaves the gateway, the uploads it references are kept for good, so the sweep of
 * unreferenced uploads never removes a file a contact or case names. Claiming first means a command
 * that is then refused leaves its files kept (bounded by the upload quota), never the reverse.
 */
@Injectable()
export class ClaimAttachmentsInterceptor implements NestInterceptor {
  constructor(@Inject(ATTACHMENT_STORE) private readonly store: FileAttachmentStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<IncomingMessage & { body?: unknown }>();
    if (!WRITES.has(request.method ?? '')) return next.handle();
    const ids = attachmentIdsIn(request.body);
    if (ids.size === 0) return next.handle();
    return from(Promise.all([...ids].map((id) => this.store.claim(id)))).pipe(switchMap(() => next.handle()));
  }
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
