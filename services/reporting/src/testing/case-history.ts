import type { RecordedEvent } from '@hotline/contracts';
import { ProjectionRunner, eventsSource, type Projection } from '@hotline/infra/projection';
import { SqliteReadStore, type ReadStore } from '@hotline/infra/read-store';
import { createLogger } from '@hotline/infra/telemetry';

/** Beijing wall-clock time as an instant: `bj('2026-11-02 09:00')`. */
export const bj = (local: string): string => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();

/**
 * A hand-written event history for fixture tests: each call appends one event at the next position.
 * Only the fields the reporting projections read are filled in.
 */
export class CaseHistory {
  readonly events: RecordedEvent[] = [];

  constructor(private readonly districtId = 'gulou') {}

  add(type: string, time: string, data: Record<string, unknown>, districtId = this.districtId): this {
    const position = this.events.length + 1;
    this.events.push({
      id: `e${position}`,
      type,
      version: 1,
      streamId: `case-${[data.caseId, data.contactId, data.unitId].find((id) => typeof id === 'string') ?? position}`,
      revision: 0,
      position,
      time,
      data,
      metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'agent' }, districtId },
    });
    return this;
  }

  registered(
    caseId: string,
    at: string,
    fields: Partial<
      Record<'categoryCode' | 'channel' | 'type' | 'content' | 'urgency' | 'address' | 'districtId', string>
    > = {},
  ): this {
    const time = bj(at);
    return this.add(
      'CaseRegistered',
      time,
      {
        caseId,
        caseNumber: `2611${caseId.padStart(4, '0')}`,
        type: fields.type ?? 'complaint',
        categoryCode: fields.categoryCode ?? '010101',
        channel: fields.channel ?? 'phone',
        content: fields.content ?? '小区路灯不亮，晚上出行不便',
        urgency: fields.urgency ?? 'normal',
        ...(fields.address ? { place: { address: fields.address } } : {}),
        dispatchBy: new Date(Date.parse(time) + 86_400_000).toISOString(),
      },
      fields.districtId,
    );
  }

  dispatched(
    caseId: string,
    at: string,
    unitId: string,
    signBy: string,
    dueAt: string,
    type = 'CaseDispatched',
  ): this {
    return this.add(type, bj(at), {
      caseId,
      lead: { unitId, signBy: bj(signBy), returnBy: bj(signBy) },
      coHandlers: [],
      dueAt: bj(dueAt),
      limitWorkingDays: 5,
    });
  }

  callback(caseId: string, at: string, efficiency: string, attitude: string, result: string): this {
    const ratings = { efficiency, attitude, result };
    const dissatisfied = Object.values(ratings).includes('dissatisfied');
    return this.add('CaseCallbackRecorded', bj(at), {
      caseId,
      reached: true,
      ratings,
      unitAtFault: dissatisfied,
      redoRequired: dissatisfied,
    });
  }
}

/** Runs the projections over the events into a fresh in-memory SQLite read store. */
export async function project(
  events: readonly RecordedEvent[],
  projections: Projection[],
): Promise<ReadStore> {
  const store = SqliteReadStore.inMemory();
  for (const projection of projections) {
    const runner = new ProjectionRunner(projection, {
      store,
      source: eventsSource(events),
      logger: createLogger({ service: 'reporting-test', level: 'silent' }),
    });
    await runner.start();
    await runner.waitUntilCaughtUp();
    await runner.stop();
  }
  return store;
}
