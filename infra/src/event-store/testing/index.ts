export { describeEventStoreContract, type EventStoreFactory } from './event-store.contract';
export {
  SubscriptionReader,
  contractMetadata,
  newEvent,
  newEvents,
  rejectionOf,
  thrownBy,
} from './contract-fixture';
