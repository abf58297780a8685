export { gatewayService } from './gateway.module';
