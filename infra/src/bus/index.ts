export * from './event-bus.port';
export type { CheckpointStore } from './checkpoint-store.port';
export type { DeadLetterSink } from './dead-letter-sink.port';

// Request/reply through @nestjs/microservices, identical in both modes.
export { BusContext } from './bus-context';
export { BusHeader, BusRecord, messageHeaders, isPlainSubject, type BusHeaders } from './bus-record';
export { BusErrorCode, toErrorBody } from './bus-errors';
export { BusServer } from './bus-server';
export { BusClientProxy, DEFAULT_REQUEST_TIMEOUT_MS } from './bus-client-proxy';
export { BusRequests, type CommandOrigin } from './bus-requests';
export { HotlineRpcExceptionFilter } from './hotline-rpc-exception.filter';
export { busEndpoints, commandEndpoint, queryEndpoint, type BusEndpoint } from './bus-endpoints';
export { connectNats, type ConnectNatsOptions } from './connect-nats';
export type { NatsConnectionOption } from './nats-connection-source';
export { NatsTransport, type NatsTransportOptions } from './nats-transport';
export { NatsClientProxy, type NatsClientProxyOptions } from './nats-client-proxy';
export { NatsLink, BUS_DOWN_RETRY_AFTER_SECONDS } from './nats-link';
export { InProcessBroker } from './in-process-broker';
export { InProcessTransport, type InProcessTransportOptions } from './in-process-transport';
export { InProcessClientProxy, type InProcessClientProxyOptions } from './in-process-client-proxy';

// Events.
export {
  RecordedEventSchema,
  decodeRecordedEvent,
  resolveConsumeOptions,
  type ResolvedConsumeOptions,
} from './event-bus.schemas';
export { matchesFilter } from './event-filter';
export { DEFAULT_RETRY_BACKOFF, type RetryBackoff } from './retry-backoff';
export {
  DEFAULT_TOPOLOGY,
  resolveTopology,
  eventSubjectOf,
  deadLetterSubjectOf,
  filterSubjectsOf,
  type JetStreamTopology,
} from './jetstream-topology';
export {
  checkBusPrefix,
  prefixSubject,
  unprefixSubject,
  prefixStream,
  prefixTopology,
} from './deployment-prefix';
export {
  natsPermissions,
  natsAuthorizationConfig,
  inboxPrefixOf,
  RELAY_USER,
  MUNICIPAL_IT_USER,
  DTMF_RELAY_SUBJECT,
  type NatsUserPermissions,
  type NatsPermissionsOptions,
} from './nats-permissions';
export {
  federationConsumerOf,
  federationPublishGrant,
  FEDERATION_DISTRICT_COMMANDS,
  FEDERATION_DISTRICT_QUERIES,
  type FederatedDistrict,
} from './federation-permissions';
export { ensureEventStreams, type EnsureEventStreamsOptions } from './ensure-event-streams';
export { JetStreamEventPublisher, type JetStreamEventPublisherOptions } from './jetstream-event-publisher';
export { JetStreamEventBus, type JetStreamEventBusOptions } from './jetstream-event-bus';
export { DeadLetterHeader } from './jetstream-dead-letter';
export { readJetStreamDeadLetters } from './read-jetstream-dead-letters';
export { StoreEventBus, type StoreEventBusOptions } from './store-event-bus';
export { InMemoryCheckpointStore } from './in-memory-checkpoint-store';
export { SqliteCheckpointStore, type SqliteCheckpointStoreOptions } from './sqlite-checkpoint-store';
export { InMemoryDeadLetterSink } from './in-memory-dead-letter-sink';
export { SqliteDeadLetterSink, type SqliteDeadLetterSinkOptions } from './sqlite-dead-letter-sink';
