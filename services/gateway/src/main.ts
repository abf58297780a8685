/** The gateway as its own process (distributed mode). */
import 'reflect-metadata';
import { runServiceMain } from '@hotline/infra/platform';
import { gatewayService } from './gateway.module';

runServiceMain(gatewayService);
