export { EventModel } from './router-invariants';
export { agentProfile, queueConfig } from './router-fixtures';
export {
  checkStoredRouter,
  openRoutingInstances,
  routerCommandSender,
  routingInstanceEnv,
  type DriverSession,
  type RouterEndpoint,
  type RoutingInstance,
} from './routing-instances';
