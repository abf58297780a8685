export {
  createGatewayService,
  documentedControllers,
  gatewayControllers,
  gatewayService,
  type GatewayOptions,
} from './gateway.module';
export { gatewayOpenApi } from './openapi/gateway-openapi';
export { gatewayRouteTable } from './auth/route-table';
export type { LiveCaseEvent, LiveSurgeEvent } from './live/live-scope';
export type { WallboardMessage } from './routing/wallboard/wallboard-feed';
export type { BoardDelta, LiveBoard } from './routing/wallboard/board-delta';
export { WallboardFeed } from './routing/wallboard/wallboard-feed';
