import { randomUUID } from 'node:crypto';
import {
  CITY_DISTRICT,
  CaseNumberBlockClaimed,
  DEFAULT_CASE_NUMBER_FORMAT,
  HotlineError,
  caseNumberBlockCount,
  caseNumberBlockStreamId,
  leaseCaseNumberBlock,
  systemActor,
  takeCaseNumber,
  type CaseNumberFormat,
  type CaseNumberLease,
  type Clock,
  type EventToAppend,
  type IdGenerator,
} from '@hotline/contracts';
import { WrongExpectedVersion, type EventStore } from '@hotline/infra/event-store';

export interface CaseNumberAllocatorOptions {
  store: EventStore;
  clock: Clock;
  /** Names this process in the claim events (host and pid). */
  claimedBy: string;
  format?: CaseNumberFormat;
  /** Ids of the claim events; they must be unique per claim. Default: random UUIDs. */
  ids?: IdGenerator;
}

/**
 * Hands out case numbers without a single writer (see `contracts/src/kernel/case-number.ts`): it
 * claims a block by creating the stream `caseNumberBlock-<block>` with expected `noStream` — the
 * store lets exactly one claimant create a stream, across processes — then gives the block's
 * numbers from memory. A lost race moves on to the next block. Numbers of a block left unfinished
 * (a restart) are skipped, never reissued: a new block is always above every claimed one.
 */
export class CaseNumberAllocator {
  private readonly format: CaseNumberFormat;
  private readonly ids: IdGenerator;
  private lease: CaseNumberLease | undefined;
  private claiming: Promise<void> | undefined;
  private nextBlock: number | undefined;

  constructor(private readonly options: CaseNumberAllocatorOptions) {
    this.format = options.format ?? DEFAULT_CASE_NUMBER_FORMAT;
    this.ids = options.ids ?? { next: () => randomUUID() };
  }

  async next(): Promise<string> {
    for (;;) {
      const taken = this.lease ? takeCaseNumber(this.lease, this.format) : undefined;
      if (taken) {
        this.lease = taken.lease;
        return taken.caseNumber;
      }
      // Concurrent callers share one claim; whoever wakes first takes from the new lease.
      this.claiming ??= this.claim().finally(() => {
        this.claiming = undefined;
      });
      await this.claiming;
    }
  }

  private async claim(): Promise<void> {
    let block = this.nextBlock ?? (await this.highestClaimedBlock()) + 1;
    const count = caseNumberBlockCount(this.format);
    for (;;) {
      if (block >= count) {
        throw new HotlineError(
          'unavailable',
          'CASE_NUMBERS_EXHAUSTED',
          `every block of ${count} case number blocks is claimed`,
        );
      }
      const lease = leaseCaseNumberBlock(block, this.format);
      try {
        await this.options.store.append(caseNumberBlockStreamId(block), [this.claimEvent(lease)], 'noStream');
        this.lease = lease;
        this.nextBlock = block + 1;
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersion)) throw error;
        // Another process took it: look past the highest claim, not just one further.
        block = Math.max(block + 1, (await this.highestClaimedBlock()) + 1);
      }
    }
  }

  private async highestClaimedBlock(): Promise<number> {
    const [last] = await this.options.store.readAll({
      direction: 'backwards',
      maxCount: 1,
      filter: { eventTypes: [CaseNumberBlockClaimed.type] },
    });
    return last ? (last.data as { block: number }).block : -1;
  }

  private claimEvent(lease: CaseNumberLease): EventToAppend {
    const id = this.ids.next();
    return {
      id,
      type: CaseNumberBlockClaimed.type,
      version: CaseNumberBlockClaimed.version,
      data: {
        block: lease.block,
        firstSerial: lease.nextSerial,
        lastSerial: lease.lastSerial,
        claimedBy: this.options.claimedBy,
      },
      metadata: {
        correlationId: id,
        causationId: id,
        actor: systemActor('workflow-case-numbers'),
        districtId: CITY_DISTRICT,
      },
      time: this.options.clock.now().toISOString(),
    };
  }
}
