import { HotlineError, type CaseEvent, type RecordedEvent } from '@hotline/contracts';
import type { ProjectionSource, SourceHandle } from '@hotline/infra/projection';
import type { Logger } from '@hotline/infra/telemetry';
import type { CaseFingerprintIndex } from '../duplicates/case-fingerprint-index';

const RESTART_DELAY_MS = 1000;
const POLL_MS = 5;

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
  private handle: SourceHandle | undefined;
  private position = 0;
  private caughtUp = false;
  private stopped = false;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly index: CaseFingerprintIndex,
    private readonly source: ProjectionSource,
    private readonly logger: Logger,
    private readonly readAfterWriteTimeoutMs: number,
  ) {}

  get live(): boolean {
    return this.caughtUp;
  }

  start(): void {
    this.stopped = false;
    this.handle = this.source.start(
      {
        fromPosition: this.position === 0 ? undefined : this.position,
        filter: { eventTypes: CASE_EVENTS },
      },
      {
        onEvent: (event) => {
          this.apply(event);
          return Promise.resolve();
        },
        onCaughtUp: (position) => {
          this.position = Math.max(this.position, position);
          this.caughtUp = true;
        },
        onError: (error) => {
          this.logger.error({ err: error }, 'duplicate index source failed; following again shortly');
          this.restartTimer = setTimeout(() => {
            if (!this.stopped) this.start();
          }, RESTART_DELAY_MS);
        },
      },
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    await this.handle?.stop();
  }

  /** Read-after-write: waits until the index has applied the event at `position`. */
  async waitFor(position: number | undefined): Promise<void> {
    if (position === undefined || position === 0) return;
    const deadline = Date.now() + this.readAfterWriteTimeoutMs;
    while (this.position < position) {
      if (Date.now() > deadline) {
        throw new HotlineError(
          'unavailable',
          'READ_MODEL_BEHIND',
          `the duplicate index has not reached position ${position} yet; retry shortly`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
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
    this.position = Math.max(this.position, event.position);
  }
}
