import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import {
  CASE_CATEGORY,
  CITY_DISTRICT,
  GetCase,
  ListUnits,
  SURGE_CATEGORY,
  SurgeDetected,
  WORKFLOW_SERVICE,
  systemActor,
  type GatewayRole,
  type QueryViewer,
  type RecordedEvent,
  type SurgeDetectedData,
} from '@hotline/contracts';
import { BusRequests } from '@hotline/infra/bus';
import { PLATFORM, type Platform } from '@hotline/infra/platform';
import type { SourceHandle } from '@hotline/infra/projection';
import { BUS_CLIENT } from '../bus-client.token';
import {
  SURGE_READERS,
  isItemVisible,
  unitAndDescendants,
  unitIdsIn,
  type LiveItem,
  type LiveScope,
} from './live-scope';

/** Events kept for `Last-Event-ID` resumption; an older resume point gets a `reset`. */
const REPLAY_BUFFER = 2_000;
/** Cases whose units and district are remembered (oldest forgotten first). */
const CASE_MEMORY = 50_000;

const LIVE_VIEWER: QueryViewer = { actor: systemActor('gateway-live'), districtId: CITY_DISTRICT };

export interface LiveListener {
  scope: LiveScope;
  send(item: LiveItem): void;
  /** Ends the stream (shutdown): an open stream would keep the HTTP server from closing. */
  close(): void;
}

/**
 * The gateway's one subscription to the event log (the store when embedded, JetStream when
 * distributed), from the head at start: each case event becomes a `LiveCaseEvent` and each surge
 * alert (SurgeDetected) a `LiveSurgeEvent`, and goes to the connected listeners allowed to see it. Units a case involves are remembered per case, so an
 * event that names none (closing, a callback) still reaches the units of that case.
 */
@Injectable()
export class LiveHub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly listeners = new Set<LiveListener>();
  private readonly recent: LiveItem[] = [];
  private readonly cases = new Map<string, { districtId: string; unitIds: Set<string> }>();
  private handle: SourceHandle | undefined;
  /** Events at or below this position are no longer buffered: a resume from before it gets a reset. */
  private horizon = 0;

  constructor(
    @Inject(PLATFORM) private readonly platform: Platform,
    @Inject(BUS_CLIENT) private readonly bus: ClientProxy,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const source = this.platform.projectionSource();
    this.horizon = await source.headPosition();
    this.start(this.horizon);
  }

  async onModuleDestroy(): Promise<void> {
    await this.handle?.stop();
    for (const listener of this.listeners) listener.close();
    this.listeners.clear();
  }

  /** Adds a listener; answers the buffered events after `afterPosition`, or 'reset' when they are gone. */
  subscribe(listener: LiveListener, afterPosition?: number): { replay: LiveItem[] | 'reset'; stop(): void } {
    this.listeners.add(listener);
    let replay: LiveItem[] | 'reset' = [];
    if (afterPosition !== undefined) {
      replay =
        afterPosition >= this.horizon
          ? this.recent.filter(
              (item) => item.data.position > afterPosition && isItemVisible(listener.scope, item),
            )
          : 'reset';
    }
    return { replay, stop: () => this.listeners.delete(listener) };
  }

  /** The scope of a viewer: unit users see their unit and the units below it. */
  async scopeOf(viewer: QueryViewer): Promise<LiveScope> {
    const unitId = viewer.actor.unitId;
    const surges = SURGE_READERS.includes(viewer.actor.gatewayRole as GatewayRole);
    if (unitId === undefined) return { districtId: viewer.districtId, surges };
    const units = (await this.query(ListUnits.type, { includeInactive: true })) as Array<{
      unitId: string;
      parentId?: string;
    }>;
    return { districtId: viewer.districtId, unitIds: unitAndDescendants(unitId, units) };
  }

  private start(fromPosition: number): void {
    let queue = Promise.resolve();
    this.handle = this.platform.projectionSource().start(
      { fromPosition, filter: { streamPrefixes: [`${CASE_CATEGORY}-`, `${SURGE_CATEGORY}-`] } },
      {
        // One at a time, in order: a case's first event may need a lookup before the next is shown.
        onEvent: (event) =>
          (queue = queue
            .then(() => this.publish(event))
            .catch((error: unknown) =>
              this.platform.logger.warn({ err: error }, 'live updates: event skipped'),
            )),
        onCaughtUp: () => undefined,
        onError: (error) => {
          this.platform.logger.warn({ err: error }, 'live updates: the event source failed; restarting');
          this.start(this.recent.at(-1)?.data.position ?? fromPosition);
        },
      },
    );
  }

  private async publish(event: RecordedEvent): Promise<void> {
    const item = await this.itemOf(event);
    if (item === undefined) return;
    this.recent.push(item);
    if (this.recent.length > REPLAY_BUFFER) {
      this.horizon = this.recent.shift()?.data.position ?? this.horizon;
    }
    for (const listener of this.listeners) {
      if (isItemVisible(listener.scope, item)) listener.send(item);
    }
  }

  private async itemOf(event: RecordedEvent): Promise<LiveItem | undefined> {
    if (event.type === SurgeDetected.type) {
      const { caseNumbers: _caseNumbers, ...surge } = event.data as SurgeDetectedData;
      return { name: 'surge', data: { ...surge, position: event.position } };
    }
    const data = event.data as { caseId?: unknown };
    if (typeof data.caseId !== 'string') return undefined;
    const known = this.cases.get(data.caseId) ?? (await this.learn(data.caseId, event));
    for (const unitId of unitIdsIn(event.data)) known.unitIds.add(unitId);
    return {
      name: 'case',
      data: {
        caseId: data.caseId,
        type: event.type,
        unitIds: [...known.unitIds],
        districtId: known.districtId,
        position: event.position,
      },
    };
  }

  /** A case first seen after its dispatch (the gateway started later): ask the workflow once. */
  private async learn(
    caseId: string,
    event: RecordedEvent,
  ): Promise<{ districtId: string; unitIds: Set<string> }> {
    const memory = { districtId: event.metadata.districtId, unitIds: new Set<string>() };
    if (event.type !== 'CaseRegistered') {
      try {
        const view = (await this.query(GetCase.type, { caseId })) as {
          districtId?: string;
          units?: Array<{ unitId: string }>;
        };
        if (view.districtId) memory.districtId = view.districtId;
        for (const unit of view.units ?? []) memory.unitIds.add(unit.unitId);
      } catch (error) {
        this.platform.logger.warn({ err: error, caseId }, 'live updates: case lookup failed');
      }
    }
    this.cases.set(caseId, memory);
    if (this.cases.size > CASE_MEMORY) this.cases.delete(this.cases.keys().next().value as string);
    return memory;
  }

  private query(type: string, params: Record<string, unknown>): Promise<unknown> {
    return new BusRequests(this.bus).queryByName(
      WORKFLOW_SERVICE,
      type,
      { viewer: LIVE_VIEWER, ...params },
      'live',
    );
  }
}
