import {
  personalDataPaths,
  redactPersonalData,
  streamCategoryOf,
  type MessageRegistry,
  type PersonalDataPaths,
  type RecordedEvent,
} from '@hotline/contracts';
import type { EventPublisher } from '../bus/event-bus.port';

export interface RedactingEventPublisherOptions {
  /** The integration stream's publisher (its own JetStream stream and subject prefix). */
  inner: EventPublisher;
  /** The platform's message definitions: schemas, versions and their personal-data marks. */
  registry: MessageRegistry;
  /**
   * Stream categories whose events go to integrators (an allow-list): a category is added once its
   * personal fields are marked in the contracts. Events of other categories never leave.
   */
  categories: readonly string[];
  /** Told about an allowed event that does not read under its schema; it is left out of the feed. */
  onUnreadable?: (event: RecordedEvent, error: unknown) => void;
}

/**
 * The integration side of ADR 0006: publishes each allowed event lifted to its current schema
 * version, without the fields the contracts mark as personal and with identifying numbers masked in
 * free text. Event ids are kept, so `Nats-Msg-Id` de-duplicates republishes as on the internal stream.
 */
export class RedactingEventPublisher implements EventPublisher {
  private readonly categories: ReadonlySet<string>;
  private readonly paths = new Map<string, PersonalDataPaths>();

  constructor(private readonly options: RedactingEventPublisherOptions) {
    this.categories = new Set(options.categories);
  }

  /** The event as integrators see it, or undefined when it is not for them. */
  redact(event: RecordedEvent): RecordedEvent | undefined {
    if (!this.categories.has(streamCategoryOf(event.streamId))) return undefined;
    const definition = this.options.registry.event(event.type);
    if (!definition) return undefined;
    let paths = this.paths.get(event.type);
    if (!paths) {
      paths = personalDataPaths(definition.schema);
      this.paths.set(event.type, paths);
    }
    let current: unknown;
    try {
      current = this.options.registry.readEventData(event.type, event.version, event.data);
    } catch (error) {
      // Unmarked data must not leave, and one bad event must not stop the relay for everyone.
      this.options.onUnreadable?.(event, error);
      return undefined;
    }
    return { ...event, version: definition.version, data: redactPersonalData(paths, current) };
  }

  async publish(events: RecordedEvent[]): Promise<void> {
    const redacted = events.flatMap((event) => this.redact(event) ?? []);
    if (redacted.length > 0) await this.options.inner.publish(redacted);
  }

  close(): Promise<void> {
    return this.options.inner.close();
  }
}

/**
 * Publishes each batch to several publishers in order, resolving once all have it. The relay resumes
 * from the last position of the internal stream, so the internal publisher goes last: a batch the
 * internal stream holds is in every other stream too, and a batch cut short by a crash is published
 * again to all of them (each stream drops the repeats by event id).
 */
export class FanOutEventPublisher implements EventPublisher {
  constructor(private readonly publishers: readonly EventPublisher[]) {}

  async publish(events: RecordedEvent[]): Promise<void> {
    for (const publisher of this.publishers) await publisher.publish(events);
  }

  async close(): Promise<void> {
    for (const publisher of this.publishers) await publisher.close();
  }
}
