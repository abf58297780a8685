export * from './survey.values';
export * from './callback-task.commands';
export * from './callback-task.events';
export * from './survey-opt-out.messages';
export * from './post-call-survey.messages';
export * from './survey.queries';
export * from './survey.messages';
