import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import {
  GetCallRecording,
  GetCase,
  NotFoundError,
  SearchCallRecordings,
  TELEPHONY_SERVICE,
  isUnitRole,
  type CallRecordingView,
  type CallRecordingsPage,
} from '@hotline/contracts';
import type { FileAttachmentStore } from '@hotline/infra/attachments';
import { z } from 'zod';
import { ATTACHMENT_STORE } from '../attachments/attachment-store.token';
import { Allow } from '../auth/allow.decorator';
import type { AuthServices } from '../auth/auth-services';
import { AUTH_SERVICES } from '../auth/auth.tokens';
import { identityOf } from '../auth/identity';
import { BUS_CLIENT } from '../bus-client.token';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { queryDoc } from '../openapi/doc-helpers';
import { SeatNames } from '../routing/seat-names';
import { ServiceController } from '../service-controller';

/** Everyone who works cases; the sipapp's scope decides what each of them finds (`recordingScope`). */
const LISTENERS = [
  'agent',
  'supervisor',
  'center',
  'city-admin',
  'auditor',
  'leader',
  'district-admin',
  'unit-handler',
  'unit-leader',
] as const;

const SCOPE =
  "Within the caller's scope: an agent their own calls, the center's staff every call (a district-bound one that district's cases), a district administrator the calls linked to the district's cases, a unit's staff only calls linked to a case they may see.";

/**
 * The call recordings (issue 14): search them and play one. The audio is streamed from the platform's
 * attachment store only after the sipapp (and, for a unit, the workflow) says the caller may hear it;
 * a recording outside the caller's scope is not found, exactly as one that does not exist.
 */
@DocTag('telephony')
@Controller('api/telephony/recordings')
export class CallRecordingsController extends ServiceController(TELEPHONY_SERVICE) {
  private readonly seats: SeatNames;

  constructor(
    @Inject(BUS_CLIENT) bus: ClientProxy,
    @Inject(AUTH_SERVICES) auth: AuthServices,
    @Inject(ATTACHMENT_STORE) private readonly store: FileAttachmentStore,
  ) {
    super(bus);
    this.seats = new SeatNames(auth.accounts);
  }

  @Doc({
    ...queryDoc(SearchCallRecordings.type),
    description: `${SCOPE} With \`names\`: the agents' display names.`,
  })
  @Allow(...LISTENERS)
  @Get()
  async search(
    @Req() request: IncomingMessage,
    @Query() query: Record<string, unknown>,
  ): Promise<CallRecordingsPage & { names: Record<string, string> }> {
    const page = (await this.requests.query(
      SearchCallRecordings.type,
      request.headers,
      query,
    )) as CallRecordingsPage;
    const items = await this.visible(request, page.items);
    const names = await this.seats.of(items.flatMap((item) => (item.agentId ? [item.agentId] : [])));
    return { items, names };
  }

  @Doc({
    summary: "A call recording's audio (WAV), to play in the console.",
    description: `${SCOPE} Otherwise 404, as for a recording that does not exist.`,
    params: { recordingId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/) },
    responses: { 200: { description: 'The recording.', mediaType: 'audio/wav' } },
  })
  @Allow(...LISTENERS)
  @Get(':recordingId/audio')
  async audio(
    @Req() request: IncomingMessage,
    @Param('recordingId') recordingId: string,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const recording = (await this.requests.query(GetCallRecording.type, request.headers, {
      recordingId,
    })) as CallRecordingView;
    if ((await this.visible(request, [recording])).length === 0)
      throw new NotFoundError('call recording', recordingId);
    const found = await this.store.open(recording.recordingId);
    if (!found) throw new NotFoundError('call recording', recordingId);
    response.statusCode = 200;
    response.setHeader('content-type', 'audio/wav');
    response.setHeader('content-length', found.content.length);
    response.setHeader('x-content-type-options', 'nosniff');
    // Never kept by a shared cache: whoever plays it again is asked again.
    response.setHeader('cache-control', 'private, no-store');
    response.end(found.content);
  }

  /**
   * A unit's staff hear a call only through a case they may see: each case is read as them (the
   * workflow's scope decides). Other roles are scoped by the sipapp alone.
   */
  private async visible(request: IncomingMessage, items: CallRecordingView[]): Promise<CallRecordingView[]> {
    const identity = identityOf(request.headers);
    if (identity === undefined || !isUnitRole(identity.role)) return items;
    const seen = new Map<string, boolean>();
    const kept: CallRecordingView[] = [];
    for (const item of items) {
      if (item.caseId === undefined) continue;
      if (!seen.has(item.caseId))
        seen.set(
          item.caseId,
          await this.workflow.query(GetCase.type, request.headers, { caseId: item.caseId }).then(
            () => true,
            (error: unknown) => {
              if ((error as { kind?: string }).kind === 'not-found') return false;
              throw error;
            },
          ),
        );
      if (seen.get(item.caseId)) kept.push(item);
    }
    return kept;
  }
}
