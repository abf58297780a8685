export * from './audit.queries';
export * from './case.queries';
export * from './citizen.queries';
export * from './inbox.queries';
export * from './query-viewer';
export * from './workflow.queries';
