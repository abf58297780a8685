import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { DTMF_RELAY_SUBJECT, prefixSubject } from '@hotline/infra/bus';

/**
 * Carries rtpengine's DTMF log between sipapp replicas. rtpengine sends every key to one address (a
 * Service in Kubernetes), so the replica that receives a key is often not the one whose IVR waits
 * for it: the receiver passes it on and each replica takes the keys of its own calls. Keys are as
 * lossy as the UDP they came on (a key not heard is a caller pressing again), so core NATS, not
 * JetStream.
 */
export interface DtmfRelay {
  pass(callId: string, digit: string): void;
  /** Takes every key passed by any replica (its own included); returns the way to stop. */
  take(handler: (callId: string, digit: string) => void): () => void;
}

interface RelayedKey {
  callId: string;
  digit: string;
}

export function natsDtmfRelay(connection: NatsConnection, busPrefix?: string): DtmfRelay {
  const subject = prefixSubject(busPrefix, DTMF_RELAY_SUBJECT);
  return {
    pass: (callId, digit) =>
      connection.publish(subject, JSON.stringify({ callId, digit } satisfies RelayedKey)),
    take: (handler) => {
      const subscription: Subscription = connection.subscribe(subject, {
        callback: (error, message) => {
          if (error) return;
          try {
            const key = message.json<RelayedKey>();
            if (typeof key.callId === 'string' && typeof key.digit === 'string')
              handler(key.callId, key.digit);
          } catch {
            // Not a relayed key: nothing to take.
          }
        },
      });
      return () => subscription.unsubscribe();
    },
  };
}
