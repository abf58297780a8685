import type { RecordedEvent } from '@hotline/contracts';
import type { EventStore } from '@hotline/infra/event-store';
import type { WorkflowSettings } from '../workflow-settings';
import { citySettingsDecider } from './city-settings.decider';
import { effectiveSettings, type EffectiveSettings, type LimitChange } from './effective-settings';

import { CITY_SETTINGS_ID, citySettingsAggregate } from './city-settings.aggregate';

/** Where case decisions get the effective settings. */
export interface CitySettingsSource {
  snapshot(): Promise<EffectiveSettings>;
}

/** The configured base only (tests, tools that do not run the settings stream). */
export function baseSettingsSource(base: WorkflowSettings): CitySettingsSource {
  const settings = effectiveSettings(base);
  return { snapshot: () => Promise.resolve(settings) };
}

/**
 * The effective settings kept in memory and brought up to date from the settings stream before each
 * answer: only the events after the last one seen are read, so a change made a moment ago (by this
 * or another instance) applies to the very next decision without waiting for a projection.
 */
export class StoreCitySettingsSource implements CitySettingsSource {
  private current: EffectiveSettings;
  private nextRevision = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly base: WorkflowSettings,
  ) {
    this.current = effectiveSettings(base);
  }

  snapshot(): Promise<EffectiveSettings> {
    // One catch-up at a time, each started after the caller asked, so every event is folded once
    // and a caller never gets a read that began before its own earlier write.
    const next = this.queue.then(() => this.catchUp());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async catchUp(): Promise<EffectiveSettings> {
    const events: RecordedEvent[] = await this.store.readStreamOrEmpty(
      citySettingsAggregate.streamId(CITY_SETTINGS_ID),
      { fromRevision: this.nextRevision },
    );
    if (events.length === 0) return this.current;
    const state = events.reduce(
      (s, e) => citySettingsDecider.evolve(s, citySettingsAggregate.domainEvent(e)),
      this.current.state,
    );
    const limitChanges = [...this.current.limitChanges];
    for (const event of events) {
      if (event.type !== 'DeadlineLimitSet') continue;
      const { caseType, workingDays } = citySettingsAggregate.domainEvent(event).data as Omit<
        LimitChange,
        'position'
      >;
      limitChanges.push({ position: event.position, caseType, workingDays });
    }
    this.nextRevision = events[events.length - 1]!.revision + 1;
    this.current = effectiveSettings(this.base, state, limitChanges);
    return this.current;
  }
}
