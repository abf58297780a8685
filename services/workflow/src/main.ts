/** The workflow service as its own process (distributed mode). */
import 'reflect-metadata';
import { runServiceMain } from '@hotline/infra/platform';
import { workflowService } from './workflow.module';

runServiceMain(workflowService);
