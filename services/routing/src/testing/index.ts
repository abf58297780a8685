export { EventModel } from './router-invariants';
export { agentProfile, queueConfig } from './router-fixtures';
export {
  checkStoredRouter,
  openRoutingInstances,
  routerCommandSender,
  type DriverSession,
  type RoutingInstance,
} from './routing-instances';
