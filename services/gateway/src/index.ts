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
