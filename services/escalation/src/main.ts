/** The escalation service as its own process (distributed mode). */
import 'reflect-metadata';
import { runServiceMain } from '@hotline/infra/platform';
import { escalationService } from './escalation.module';

runServiceMain(escalationService);
