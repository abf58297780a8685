import { HotlineError } from '@hotline/contracts';
import {
  ProjectionRunner,
  projectionsBehind,
  type Projection,
  type ProjectionSource,
} from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import type { Logger } from '@hotline/infra/telemetry';
import type { Registry } from 'prom-client';
import type { CaseFingerprintIndex } from '../duplicates/case-fingerprint-index';
import type { BlocklistReader } from '../blocklist/blocklist-reader';
import { blocklistProjection } from '../blocklist/blocklist.projection';
import { CaseFingerprintFollower } from '../duplicates/case-fingerprint-follower';
import { contactLogProjection } from '../contact/contact-log.projection';

export interface IntakeReadModelsOptions {
  store: ReadStore;
  /** A new source of the event log for each follower. */
  source: () => ProjectionSource;
  /** The blocked numbers in memory, kept by the blocklist projection. */
  blocklist: BlocklistReader;
  /** The duplicate index, kept in memory from the case events. */
  fingerprints: CaseFingerprintIndex;
  registry?: Registry;
  logger: Logger;
  readAfterWriteTimeoutMs: number;
}

export type IntakeReadModel = 'contacts' | 'caseFingerprints' | 'blocklist';

const POLL_MS = 5;

/** The intake projections and their runners: started with the service, waited on by queries. */
export class IntakeReadModels {
  private readonly runners: Record<Exclude<IntakeReadModel, 'caseFingerprints'>, ProjectionRunner>;
  private readonly follower: CaseFingerprintFollower;

  constructor(private readonly options: IntakeReadModelsOptions) {
    const runner = (projection: Projection) =>
      new ProjectionRunner(projection, {
        store: options.store,
        source: options.source(),
        ...(options.registry ? { registry: options.registry } : {}),
        logger: options.logger,
      });
    this.runners = {
      contacts: runner(contactLogProjection()),
      blocklist: runner(blocklistProjection(options.blocklist)),
    };
    this.follower = new CaseFingerprintFollower(
      options.fingerprints,
      options.source(),
      options.logger,
      options.readAfterWriteTimeoutMs,
    );
  }

  get store(): ReadStore {
    return this.options.store;
  }

  /** The duplicate index (the benchmark loads open cases straight into it). */
  get fingerprints(): CaseFingerprintIndex {
    return this.options.fingerprints;
  }

  async start(): Promise<void> {
    await this.options.blocklist.load();
    for (const runner of Object.values(this.runners)) await runner.start();
    this.follower.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...Object.values(this.runners).map((runner) => runner.stop()), this.follower.stop()]);
  }

  async caughtUp(): Promise<void> {
    await Promise.all(Object.values(this.runners).map((runner) => runner.waitUntilCaughtUp()));
    while (!this.follower.live) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }

  live(): boolean {
    return (
      this.follower.live && Object.values(this.runners).every((runner) => runner.status().state === 'live')
    );
  }

  /** Why the read models are not live (which projection is behind, by how much), or undefined. */
  async notReady(): Promise<string | undefined> {
    const behind = await projectionsBehind(Object.values(this.runners));
    const follower = this.follower.live ? undefined : 'the duplicate index is catching up';
    return [behind, follower].filter(Boolean).join('; ') || undefined;
  }

  /**
   * Read-after-write: waits until `model` has stored the event at `position` (the position a
   * command answered with); 'unavailable' when it lags longer than the configured timeout. Only the
   * read model the event belongs to is waited on: the others never see it.
   */
  async waitFor(model: IntakeReadModel, position: number | undefined): Promise<void> {
    if (model === 'caseFingerprints') return this.follower.waitFor(position);
    if (position === undefined || position === 0) return;
    const runner = this.runners[model];
    const deadline = Date.now() + this.options.readAfterWriteTimeoutMs;
    while (runner.status().checkpoint < position) {
      if (Date.now() > deadline) {
        throw new HotlineError(
          'unavailable',
          'READ_MODEL_BEHIND',
          `the ${model} read model has not reached position ${position} yet; retry shortly`,
          undefined,
          {
            position,
            checkpoint: runner.status().checkpoint,
          },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}
