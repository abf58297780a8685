import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CONTACT_CATEGORY, ROUTER_CATEGORY, type RecordedEvent } from '@hotline/contracts';
import { PLATFORM, type Platform } from '@hotline/infra/platform';
import type { SourceHandle } from '@hotline/infra/projection';

/** What a chat's live stream carries: which event happened to the chat; the page reads the rest. */
export interface ChatLiveEvent {
  contactId: string;
  type: string;
  position: number;
}

type Listener = (event: ChatLiveEvent) => void;

/**
 * The gateway's one subscription, from the head at start, to what changes a web chat: its
 * contact's events (a message, the case registered from it) and the router's (offered, answered,
 * ended). Each goes to the pages that have that chat open, so both sides see a message as soon as
 * it is stored instead of at their next poll.
 */
@Injectable()
export class ChatHub implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly listeners = new Map<string, Set<Listener>>();
  private handle: SourceHandle | undefined;

  constructor(@Inject(PLATFORM) private readonly platform: Platform) {}

  async onApplicationBootstrap(): Promise<void> {
    this.start(await this.platform.projectionSource().headPosition());
  }

  async onModuleDestroy(): Promise<void> {
    await this.handle?.stop();
    this.listeners.clear();
  }

  /** Streams open on a chat now (the controller limits them). */
  openOn(contactId: string): number {
    return this.listeners.get(contactId)?.size ?? 0;
  }

  listen(contactId: string, listener: Listener): () => void {
    const set = this.listeners.get(contactId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(contactId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(contactId);
    };
  }

  private start(fromPosition: number): void {
    let last = fromPosition;
    this.handle = this.platform.projectionSource().start(
      {
        fromPosition,
        filter: { streamPrefixes: [`${CONTACT_CATEGORY}-chat-`, `${ROUTER_CATEGORY}-`] },
      },
      {
        onEvent: (event) => {
          last = event.position;
          this.publish(event);
          return Promise.resolve();
        },
        onCaughtUp: () => undefined,
        onError: (error) => {
          this.platform.logger.warn({ err: error }, 'chat updates: the event source failed; restarting');
          this.start(last);
        },
      },
    );
  }

  private publish(event: RecordedEvent): void {
    const { contactId } = event.data as { contactId?: unknown };
    if (typeof contactId !== 'string') return;
    const listeners = this.listeners.get(contactId);
    if (!listeners) return;
    const live: ChatLiveEvent = { contactId, type: event.type, position: event.position };
    for (const listener of listeners) listener(live);
  }
}
