export { routerDecider, routerStreamId } from './router/router.decider';
export { RouterState } from './router/router-state';
export { nextDueAt } from './router/router-timers';
export { RouterErrorCode } from './router/router.errors';
export { RouterCommandHandler, type RouterHandlerDeps } from './router/router-command.handler';
export { RouterTimersRunner } from './router/router-timers.runner';
export {
  RoutingModule,
  routingService,
  createRoutingService,
  type RoutingModuleOptions,
} from './routing.module';
export { routingConfigSchema, type RoutingConfig } from './routing.config';
