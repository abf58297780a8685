export * from './case/domain';
export { workflowService } from './workflow.module';
export { WorkflowReadModels } from './read-models/workflow-read-models';
export { CaseQueryService } from './case/queries/case-query.service';
export { SAMPLE_CITY_UNITS } from './unit/sample-city';
export { staticUnitDirectory, type UnitDirectorySource } from './unit/unit-directory-source';
export {
  defaultWorkflowSettings,
  workflowSettingsFromConfig,
  type WorkflowSettings,
} from './workflow-settings';
export { workflowConfigSchema, type WorkflowConfig } from './workflow.config';
export { WorkflowModule, type WorkflowModuleOptions } from './workflow.module';
