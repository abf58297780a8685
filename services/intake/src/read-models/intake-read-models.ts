import {
  ProjectionRunner,
  projectionsBehind,
  waitForCheckpoint,
  type Projection,
  type ProjectionSource,
} from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import type { Logger } from '@hotline/infra/telemetry';
import type { Registry } from 'prom-client';
import type { CaseFingerprintIndex } from '../duplicates/case-fingerprint-index';
import type { BlocklistReader } from '../blocklist/blocklist-reader';
import { blocklistProjection } from '../blocklist/blocklist.projection';
import { caseFingerprintsProjection, loadCaseFingerprints } from '../duplicates/case-fingerprints.projection';
import { contactLogProjection } from '../contact/contact-log.projection';
import { classifierProjection, loadRetiredCategories } from '../classification/classifier.projection';
import type { EffectiveCategories } from '../classification/effective-categories';
import { suggestionAccuracyProjection } from '../suggestion-accuracy/suggestion-accuracy.projection';

export interface IntakeReadModelsOptions {
  store: ReadStore;
  /** A new source of the event log for each follower. */
  source: () => ProjectionSource;
  /** The blocked numbers in memory, kept by the blocklist projection. */
  blocklist: BlocklistReader;
  /** The duplicate index, in memory, kept by the case fingerprints projection. */
  fingerprints: CaseFingerprintIndex;
  /** The earliest registration the index loads at start besides the open cases (the duplicate window). */
  fingerprintsSince: () => string;
  /** The city's effective categories in memory, kept by the classifier projection with its history. */
  categories: EffectiveCategories;
  registry?: Registry;
  logger: Logger;
  readAfterWriteTimeoutMs: number;
}

export type IntakeReadModel =
  'contacts' | 'caseFingerprints' | 'blocklist' | 'classifier' | 'suggestionAccuracy';

/** The intake projections and their runners: started with the service, waited on by queries. */
export class IntakeReadModels {
  private readonly runners: Record<IntakeReadModel, ProjectionRunner>;

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
      caseFingerprints: runner(caseFingerprintsProjection(options.fingerprints)),
      classifier: runner(classifierProjection(options.categories)),
      suggestionAccuracy: runner(suggestionAccuracyProjection()),
    };
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
    const { store, fingerprints, fingerprintsSince, logger } = this.options;
    const loaded = await loadCaseFingerprints(store, fingerprints, fingerprintsSince());
    logger.info({ cases: loaded }, 'duplicate index loaded: open cases and the duplicate window');
    await loadRetiredCategories(store, this.options.categories);
    for (const runner of Object.values(this.runners)) await runner.start();
  }

  async stop(): Promise<void> {
    await Promise.all(Object.values(this.runners).map((runner) => runner.stop()));
  }

  async caughtUp(): Promise<void> {
    await Promise.all(Object.values(this.runners).map((runner) => runner.waitUntilCaughtUp()));
  }

  live(): boolean {
    return Object.values(this.runners).every((runner) => runner.status().state === 'live');
  }

  /** Why the read models are not live (which projection is behind, by how much), or undefined. */
  notReady(): Promise<string | undefined> {
    return projectionsBehind(Object.values(this.runners));
  }

  /**
   * Read-after-write: waits until `model` has stored the event at `position` (the position a
   * command answered with); 'unavailable' when it lags longer than the configured timeout. Only the
   * read model the event belongs to is waited on: the others never see it.
   */
  waitFor(model: IntakeReadModel, position: number | undefined): Promise<void> {
    const timeoutMs = this.options.readAfterWriteTimeoutMs;
    return waitForCheckpoint(this.runners[model], position, timeoutMs, `the ${model} read model`);
  }
}
