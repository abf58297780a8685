import type { CaseEvent, RecordedEvent } from '@hotline/contracts';
import { MemoryFollower, type ProjectionSource } from '@hotline/infra/projection';
import type { Logger } from '@hotline/infra/telemetry';
import type { CaseFingerprintIndex } from './case-fingerprint-index';

/** The case events that open or end a case for duplicate detection. */
const CASE_EVENTS: Array<CaseEvent['type']> = [
  'CaseRegistered',
  'CaseMerged',
  'CaseDeclined',
  'CaseAnsweredAtIntake',
  'CaseCompleted',
  'CaseClosed',
  'CaseRedone',
];

/**
 * Keeps the duplicate index of this process from the workflow's case events: a registration adds
 * the case, open; completing, closing, merging, declining or answering it at intake ends it, and a
 * redo opens it again. The index is memory only, so every start replays the case events (every
 * replica keeps its own copy); applying an event twice changes nothing.
 */
export class CaseFingerprintFollower {
  private readonly follower: MemoryFollower;

  constructor(
    private readonly index: CaseFingerprintIndex,
    source: ProjectionSource,
    logger: Logger,
    readAfterWriteTimeoutMs: number,
  ) {
    this.follower = new MemoryFollower({
      name: 'the duplicate index',
      source,
      filter: { eventTypes: CASE_EVENTS },
      logger,
      readAfterWriteTimeoutMs,
      apply: (event) => this.apply(event),
    });
  }

  get live(): boolean {
    return this.follower.live;
  }

  start(): void {
    this.follower.start();
  }

  stop(): Promise<void> {
    return this.follower.stop();
  }

  /** Read-after-write: waits until the index has applied the event at `position`. */
  waitFor(position: number | undefined): Promise<void> {
    return this.follower.waitFor(position);
  }

  private apply(event: RecordedEvent): void {
    const caseEvent = { type: event.type, data: event.data } as CaseEvent;
    if (caseEvent.type === 'CaseRegistered') {
      const { caseId, caseNumber, citizen, categoryCode, content, place } = caseEvent.data;
      this.index.register({
        caseId,
        caseNumber,
        categoryCode,
        content,
        registeredAt: event.time,
        ...(citizen.phone ? { phone: citizen.phone } : {}),
        ...(place ? { place } : {}),
      });
    } else {
      this.index.setOpen(caseEvent.data.caseId, caseEvent.type === 'CaseRedone');
    }
  }
}
