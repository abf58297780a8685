export {
  SurveyModule,
  surveyService,
  createSurveyService,
  callbackRulesFromConfig,
  type SurveyModuleOptions,
} from './survey.module';
export { surveyConfigSchema, type SurveyConfig } from './survey.config';
export { SurveyLinkSigner } from './callback-task/survey-link';
export { callbackTaskDecider } from './callback-task/callback-task.decider';
export { CallbackTaskError } from './callback-task/callback-task.errors';
export { drawnForAudit } from './audit/audit-draw';
export { routineTaskId, auditTaskId } from './callback-task/callback-scheduler.reactor';
