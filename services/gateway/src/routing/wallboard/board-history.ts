import { randomBytes } from 'node:crypto';
import { mergeDeltas, type BoardDelta } from './board-delta';

/**
 * The boards a feed sent, numbered, with the deltas of the latest ones: every message carries the
 * number of its board as its Server-Sent Event id (`<epoch>-<version>`), so a watcher back after a
 * dropped connection (`Last-Event-ID`) gets only what changed since. The epoch is drawn per feed,
 * so an id from another gateway or before a restart is unknown and answered with the whole board.
 */
export class BoardHistory {
  private readonly epoch = randomBytes(4).toString('hex');
  private version = 0;
  private readonly deltas: Array<{ version: number; delta: BoardDelta }> = [];

  /** `keep`: how many deltas are remembered (at four a second, 240 is a minute). */
  constructor(private readonly keep: number) {}

  /** The id of the latest board. */
  get id(): string {
    return `${this.epoch}-${this.version}`;
  }

  /** The next board differs from the latest by `delta`. */
  record(delta: BoardDelta): void {
    this.version++;
    this.deltas.push({ version: this.version, delta });
    if (this.deltas.length > this.keep) this.deltas.shift();
  }

  /**
   * What changed since the board `lastEventId` names: `null` when it is the latest, undefined when
   * the id is not one of this feed's or older than the deltas remembered.
   */
  since(lastEventId: string | undefined): BoardDelta | null | undefined {
    const match = /^([0-9a-f]{8})-(\d{1,15})$/.exec(lastEventId ?? '');
    if (!match || match[1] !== this.epoch) return undefined;
    const version = Number(match[2]);
    if (version === this.version) return null;
    const oldest = this.deltas[0]?.version;
    if (version > this.version || oldest === undefined || oldest > version + 1) return undefined;
    return mergeDeltas(this.deltas.filter((entry) => entry.version > version).map((entry) => entry.delta));
  }
}
