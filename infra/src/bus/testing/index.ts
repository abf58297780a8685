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
export { privateNats, freePort, type PrivateNats } from './private-nats';
