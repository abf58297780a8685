import { ValidationError } from '@hotline/contracts';
import {
  JetStreamApiCodes,
  JetStreamApiError,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { resolveTopology, type JetStreamTopology } from './jetstream-topology';

export interface EnsureEventStreamsOptions {
  topology?: Partial<JetStreamTopology>;
  /** Copies of each stream in the cluster: 1 on one server, 3 in production. Default 1. */
  replicas?: number;
  /** How long a `Nats-Msg-Id` is remembered, so a relay's republish is dropped. Default 2 min. */
  duplicateWindowMs?: number;
}

/**
 * Creates the events and dead-letter streams, or brings the settings this code owns (subjects,
 * duplicate window, replicas) up to date; other settings an operator made are kept. Returns the
 * topology in use.
 */
export async function ensureEventStreams(
  jsm: JetStreamManager,
  options: EnsureEventStreamsOptions = {},
): Promise<JetStreamTopology> {
  const topology = resolveTopology(options.topology);
  const replicas = options.replicas ?? 1;
  const duplicateWindowMs = options.duplicateWindowMs ?? 120_000;
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 5)
    throw new ValidationError('replicas', 'must be an integer from 1 to 5');
  if (!Number.isInteger(duplicateWindowMs) || duplicateWindowMs < 1_000)
    throw new ValidationError('duplicateWindowMs', 'must be an integer of at least 1000');
  const common = {
    storage: StorageType.File,
    num_replicas: replicas,
    duplicate_window: nanos(duplicateWindowMs),
  };
  await upsertStream(jsm, {
    ...common,
    name: topology.eventsStream,
    subjects: [`${topology.eventsSubjectPrefix}.>`],
  });
  await upsertStream(jsm, {
    ...common,
    name: topology.dlqStream,
    subjects: [`${topology.dlqSubjectPrefix}.>`],
  });
  return topology;
}

async function upsertStream(
  jsm: JetStreamManager,
  config: Partial<StreamConfig> & { name: string },
): Promise<void> {
  try {
    await jsm.streams.info(config.name);
  } catch (error) {
    if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound) {
      await jsm.streams.add(config);
      return;
    }
    throw error;
  }
  const { name, storage: _storage, ...changeable } = config;
  await jsm.streams.update(name, changeable);
}
