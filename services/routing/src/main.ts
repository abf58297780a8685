/** The routing service as its own process (distributed mode). */
import 'reflect-metadata';
import { runServiceMain } from '@hotline/infra/platform';
import { routingService } from './routing.module';

runServiceMain(routingService);
