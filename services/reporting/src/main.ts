/** The reporting service as its own process (distributed mode). */
import 'reflect-metadata';
import { runServiceMain } from '@hotline/infra/platform';
import { reportingService } from './reporting.module';

runServiceMain(reportingService);
