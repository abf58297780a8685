/** The intake service as its own process (distributed mode). */
import 'reflect-metadata';
import { runServiceMain } from '@hotline/infra/platform';
import { intakeService } from './intake.module';

runServiceMain(intakeService);
