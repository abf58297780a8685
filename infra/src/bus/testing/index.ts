export { describeRequestReplyContract, type RequestReplyHarness } from './request-reply.contract';
export { describeEventBusContract, type EventBusContractOptions } from './event-bus.contract';
export {
  busEvent,
  DeliveryLog,
  type Delivery,
  type EmittedEvent,
  type EventBusHarness,
} from './event-bus-harness';
export { rawJetStreamPublish, type RawJetStreamPublishOptions } from './raw-jetstream-publish';
export { privateNats, freePort, portIsFree, type PrivateNats } from './private-nats';
export { isolatedStreamSettings, isolatedTopology } from './isolated-topology';
export { permissionViolations } from './permission-violations';
export { authorizedNats, type AuthorizedNats } from './authorized-nats';
