import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  Controller,
  Get,
  HttpCode,
  HttpException,
  Inject,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { z } from 'zod';
import {
  CALL_RECORDING_FILE_NAME,
  CaseId,
  GetCase,
  NotFoundError,
  ValidationError,
  isCityWideRole,
  type CaseDetailView,
} from '@hotline/contracts';
import type { ClientProxy } from '@nestjs/microservices';
import {
  FileAttachmentStore,
  UPLOAD_MAX_BYTES,
  judgeUpload,
  type StoredAttachment,
} from '@hotline/infra/attachments';
import { actorFromRequest } from '../actor-from-request';
import { identityOf } from '../auth/identity';
import { BUS_CLIENT } from '../bus-client.token';
import { WorkflowRequests } from '../workflow-requests';
import { ANY_ROLE, Allow, Public } from '../auth/allow.decorator';
import { AUTH_SERVICES } from '../auth/auth.tokens';
import type { AuthServices } from '../auth/auth-services';
import { clientAddress } from '../auth/http/client-address';
import { AnonymousUploadQuota } from './anonymous-upload-quota';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { ANONYMOUS_UPLOAD_QUOTA, ATTACHMENT_STORE } from './attachment-store.token';

/** What multer hands over for the `file` part (memory storage). */
interface UploadedPart {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
  size: number;
}

const StoredAttachmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * Files for contacts and cases: upload once, then reference the answer (`AttachmentRef`) in a
 * command. Held in memory up to the 10 MiB limit while checked, then stored by content.
 */
@DocTag('attachments')
@Controller('api')
export class AttachmentsController {
  private readonly workflow: WorkflowRequests;

  constructor(
    @Inject(ATTACHMENT_STORE) private readonly store: FileAttachmentStore,
    @Inject(ANONYMOUS_UPLOAD_QUOTA) private readonly quota: AnonymousUploadQuota,
    @Inject(AUTH_SERVICES) private readonly auth: AuthServices,
    @Inject(BUS_CLIENT) bus: ClientProxy,
  ) {
    this.workflow = new WorkflowRequests(bus);
  }

  @Doc({
    summary: 'Uploads a file (images, PDF, MP4, office documents; at most 10 MiB).',
    description:
      'Multipart field `file`. Executables, unlisted types and content that contradicts the declared type are refused with 415; larger files with 413. The answer is the AttachmentRef to put in a command, plus the SHA-256. An upload that no command references within HOTLINE_UPLOAD_UNCLAIMED_HOURS is removed. Without signing in (the portal) a client address may upload HOTLINE_ANONYMOUS_UPLOADS_PER_HOUR files and HOTLINE_ANONYMOUS_UPLOAD_MIB_PER_HOUR MiB an hour, and all unreferenced anonymous uploads together at most HOTLINE_ANONYMOUS_PENDING_MIB: beyond either, 429 with Retry-After.',
    body: { multipartFile: 'file' },
    responses: {
      201: { description: 'The stored attachment.', schema: StoredAttachmentSchema },
      429: {
        description:
          'Over the anonymous upload quota; the message says which, Retry-After when to try again.',
      },
    },
  })
  @Public()
  @Post('attachments')
  @HttpCode(201)
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 10, parts: 12 },
      defParamCharset: 'utf8',
    }),
  )
  async upload(
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
    @UploadedFile() file: UploadedPart | undefined,
  ): Promise<StoredAttachment> {
    if (!file) throw new ValidationError('file', 'is required: a multipart/form-data part named file');
    // A public route: the guard binds no identity, so ask whether a staff member is signed in.
    const anonymous = (await this.auth.authenticator.authenticate(request, response)) === undefined;
    const address = clientAddress(request, this.auth.config.HOTLINE_TRUSTED_PROXIES);
    if (anonymous) await this.admit(address, file.size, response);
    const verdict = judgeUpload({
      filename: file.originalname,
      mediaType: file.mimetype,
      content: file.buffer,
    });
    if (!verdict.keep) {
      if (verdict.status === 400) throw new ValidationError('file', verdict.reason.replace(/^file: /, ''));
      throw new HttpException(verdict.reason, verdict.status);
    }
    const stored = await this.store.upload(file.originalname, verdict.mediaType, file.buffer, { anonymous });
    if (anonymous) this.quota.record(address, file.size);
    return stored;
  }

  private async admit(address: string, bytes: number, response: ServerResponse): Promise<void> {
    const refusal = this.quota.check(address, bytes, await this.store.anonymousPendingBytes());
    if (!refusal) return;
    response.setHeader('retry-after', String(refusal.retryAfterSeconds));
    throw new HttpException(`${refusal.reason}; retry in ${refusal.retryAfterSeconds} s`, 429);
  }

  @Doc({
    summary: "An attachment's content, with its media type and file name.",
    description:
      "The city center's staff (city-wide roles) open any attachment. Everyone else names the case it belongs to (`caseId`): the case must be one they may see and must reference the file, otherwise 404 as if it did not exist.",
    params: { id: z.string().regex(/^att-[A-Za-z0-9_-]{16,64}$/) },
    query: z.object({ caseId: z.string().optional() }),
    responses: { 200: { description: 'The file.', mediaType: 'application/octet-stream' } },
  })
  @Allow(...ANY_ROLE)
  @Get('attachments/:id')
  async download(
    @Req() request: IncomingMessage,
    @Param('id') id: string,
    @Query('caseId') caseId: unknown,
    @Res() response: ServerResponse,
  ): Promise<void> {
    actorFromRequest(request.headers);
    const ofCase = caseIdParam(caseId);
    if (!FileAttachmentStore.isAttachmentId(id)) {
      throw new ValidationError('id', 'must be an attachment id such as att-…');
    }
    await this.checkScope(request, id, ofCase);
    const found = await this.store.open(id);
    if (!found) throw new NotFoundError('attachment', id);
    const { attachment, content } = found;
    // A whole call is heard within its recording's scope (an agent their own calls): here only through a
    // case that references it, whatever the role.
    if (attachment.name === CALL_RECORDING_FILE_NAME) await this.requireReferenced(request, id, ofCase);
    response.statusCode = 200;
    response.setHeader('content-type', attachment.mediaType);
    response.setHeader('content-length', content.length);
    response.setHeader(
      'content-disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(attachment.name)}`,
    );
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('cache-control', 'private, max-age=3600');
    response.setHeader('etag', `"${attachment.sha256}"`);
    response.end(content);
  }

  /**
   * A unit's or a district's staff see files through the cases they may see: the case is read as
   * them (the workflow's scope decides) and must reference the file. Not found either way, so an id
   * outside the caller's scope reveals nothing.
   */
  private async checkScope(request: IncomingMessage, id: string, caseId: string | undefined): Promise<void> {
    const identity = identityOf(request.headers);
    if (identity && isCityWideRole(identity.role)) return;
    if (caseId === undefined) {
      throw new ValidationError(
        'caseId',
        'is required outside the city center: the case the file belongs to',
      );
    }
    await this.requireReferenced(request, id, caseId);
  }

  /** The case, read as the caller, references the file; not found otherwise (and without a case). */
  private async requireReferenced(
    request: IncomingMessage,
    id: string,
    caseId: string | undefined,
  ): Promise<void> {
    if (caseId === undefined) throw new NotFoundError('attachment', id);
    const view = (await this.workflow
      .query(GetCase.type, request.headers, { caseId })
      .catch((error: unknown) => {
        if ((error as { kind?: string }).kind === 'not-found') throw new NotFoundError('attachment', id);
        throw error;
      })) as CaseDetailView;
    const referenced = [...view.attachments, ...(view.reply?.attachments ?? [])].some((a) => a.id === id);
    if (!referenced) throw new NotFoundError('attachment', id);
  }
}

/** `?caseId=` once, as a case id, or absent. */
function caseIdParam(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ValidationError('caseId', 'must be given once');
  const parsed = CaseId.safeParse(value);
  if (!parsed.success) throw new ValidationError('caseId', 'must be a case id');
  return parsed.data;
}
