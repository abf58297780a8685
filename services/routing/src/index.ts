export { routerDecider, routerStreamId } from './router/router.decider';
export { RouterState } from './router/router-state';
export { nextDueAt } from './router/router-timers';
export { RouterErrorCode } from './router/router.errors';
