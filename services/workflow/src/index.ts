export * from './case';
export { workflowService } from './workflow.module';
