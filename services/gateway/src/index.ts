export { documentedControllers, gatewayControllers, gatewayService } from './gateway.module';
export { gatewayOpenApi } from './openapi/gateway-openapi';
