export {
  createGatewayService,
  documentedControllers,
  gatewayControllers,
  gatewayService,
  type GatewayOptions,
} from './gateway.module';
export { gatewayOpenApi } from './openapi/gateway-openapi';
