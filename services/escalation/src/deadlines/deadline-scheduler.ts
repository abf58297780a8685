import {
  FireDeadlinePoint,
  MarkRectificationOverdue,
  systemActor,
  type Clock,
  type RecordedEvent,
} from '@hotline/contracts';
import { handleCommand, parseCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import { ProjectionRunner, type ProjectionSource, type SourceHandle } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import { histogram, type Logger } from '@hotline/infra/telemetry';
import type { Registry } from 'prom-client';
import { supervisionAggregate } from '../supervision/supervision.aggregate';
import { caseEscalationAggregate } from './case-escalation.aggregate';
import type { DeadlineBook, DueTimer } from './deadline-book';
import { deadlineBookProjection } from './deadline-book.projection';

export const TIMER_ACTOR = 'escalation-timers';

/** The events the book folds: the workflow's case events, the city's calendar days, our own. */
export const BOOK_EVENT_TYPES = [
  'CaseDispatched',
  'CaseRedispatched',
  'CaseDispatchedToFallbackUnit',
  'CaseRedone',
  'CaseSubDispatched',
  'CaseSigned',
  'CaseReturned',
  'CaseExtensionApproved',
  'CaseReplied',
  'CaseReplySentBack',
  'CaseReportedToLeader',
  'CaseCompleted',
  'CaseClosed',
  'CaseDeclined',
  'CaseAnsweredAtIntake',
  'CaseMerged',
  'CalendarDayDeclared',
  'CalendarDayCleared',
  'CaseDeadlinePointReached',
  'SupervisionOpened',
  'SupervisionResponded',
  'SupervisionRectificationOverdue',
  'SupervisionClosed',
];

export interface DeadlineSchedulerOptions {
  book: DeadlineBook;
  source: ProjectionSource;
  handler: CommandHandlerDeps;
  clock: Clock;
  /** How often due points are looked for; a point fires at most this late (plus the append). */
  tickMs: number;
  /** Firings sent at once. */
  concurrency: number;
  /** False: the book is kept (the board reads it) but nothing is fired by this instance. */
  timers?: boolean;
  logger?: Logger;
  registry?: Registry;
  /**
   * Where the book is saved between runs (the `escalation-deadline-book` projection): a start
   * restores it and folds only the events after its checkpoint. Without it the book folds the whole
   * log at every start.
   */
  readStore?: ReadStore;
}

/**
 * Runs the book: folds the log into it (from its saved checkpoint, then live) and, once caught up,
 * fires what is due as commands on the case's (or the supervision's) stream. Every instance may run
 * one: a firing's command id and event ids derive from the point and its key, and the append
 * expects the revision it decided on, so two instances keep one event. A point whose firing failed
 * stays due and is tried on the next tick; a restart between due time and firing fires it then.
 */
export class DeadlineScheduler {
  private handle: SourceHandle | undefined;
  private readonly runner: ProjectionRunner | undefined;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private lastPosition: number | undefined;
  private caughtUp = false;
  private stopped = false;
  private readonly delay;

  constructor(private readonly options: DeadlineSchedulerOptions) {
    this.runner = options.readStore
      ? new ProjectionRunner(deadlineBookProjection(options.book, BOOK_EVENT_TYPES), {
          store: options.readStore,
          source: options.source,
          ...(options.registry ? { registry: options.registry } : {}),
          ...(options.logger ? { logger: options.logger } : {}),
        })
      : undefined;
    this.delay = options.registry
      ? histogram(options.registry, {
          name: 'hotline_escalation_timer_delay_seconds',
          help: 'How late a due point fired after its due instant',
          labelNames: ['point'],
          buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 30, 300],
        })
      : undefined;
  }

  /** Whether the book has folded every event stored when it started (and is not replaying after a failure). */
  get ready(): boolean {
    return this.runner ? this.runner.status().state === 'live' : this.caughtUp;
  }

  async start(): Promise<void> {
    this.stopped = false;
    if (this.runner) await this.runner.start();
    else this.subscribe();
    if (this.options.timers === false) return;
    this.timer = setInterval(() => void this.tick(), this.options.tickMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.runner?.stop();
    await this.handle?.stop();
    await this.ticking;
  }

  /** Fires every point due now (the interval calls it; tests on a fake clock call it directly). */
  tick(): Promise<void> {
    if (!this.ready || this.ticking) return this.ticking ?? Promise.resolve();
    this.ticking = this.fireDue().finally(() => (this.ticking = undefined));
    return this.ticking;
  }

  private subscribe(): void {
    this.handle = this.options.source.start(
      { fromPosition: this.lastPosition, filter: { eventTypes: BOOK_EVENT_TYPES } },
      {
        onEvent: (event: RecordedEvent) => {
          this.options.book.apply(event);
          this.lastPosition = event.position;
          return Promise.resolve();
        },
        onCaughtUp: () => {
          this.caughtUp = true;
        },
        onError: (error) => {
          this.options.logger?.error({ err: error }, 'the deadline book lost its event source; resuming');
          setTimeout(() => {
            if (!this.stopped) this.subscribe();
          }, 1_000).unref();
        },
      },
    );
  }

  private async fireDue(): Promise<void> {
    const { book, clock, concurrency } = this.options;
    const now = clock.now().getTime();
    try {
      for (;;) {
        const due = book.due(now, concurrency);
        if (due.length === 0) break;
        await Promise.all(due.map((timer) => this.fire(timer, now)));
        if (due.length < concurrency) break;
      }
    } finally {
      book.requeue();
    }
  }

  private async fire(timer: DueTimer, now: number): Promise<void> {
    try {
      if (timer.kind === 'supervision') {
        await handleCommand(this.options.handler, {
          aggregate: supervisionAggregate,
          id: timer.id,
          command: parseCommand(
            MarkRectificationOverdue,
            this.envelope(timer, 'MarkRectificationOverdue', { supervisionId: timer.id }),
          ),
          context: { case: undefined },
        });
      } else {
        const data = {
          caseId: timer.id,
          point: timer.point as Exclude<DueTimer['point'], 'rectify-by'>,
          key: timer.key,
          dueAt: timer.dueAt.toISOString(),
          ...(timer.unitId ? { unitId: timer.unitId } : {}),
        };
        await handleCommand(this.options.handler, {
          aggregate: caseEscalationAggregate,
          id: timer.id,
          command: parseCommand(FireDeadlinePoint, this.envelope(timer, 'FireDeadlinePoint', data)),
        });
      }
      this.options.book.markFired(timer);
      this.delay?.observe({ point: timer.point }, Math.max(0, now - timer.dueAt.getTime()) / 1000);
    } catch (error) {
      // Stays due: the next tick tries again.
      this.options.logger?.warn(
        { err: error, id: timer.id, point: timer.point },
        'a due point could not be fired; retrying',
      );
    }
  }

  private envelope(timer: DueTimer, type: string, data: unknown) {
    return {
      commandId: `fire:${timer.point}:${timer.key}`,
      type,
      data,
      metadata: {
        correlationId: timer.id,
        actor: systemActor(TIMER_ACTOR),
        districtId: timer.districtId,
      },
    };
  }
}
