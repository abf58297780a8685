export * from './reporting.events';
export * from './reporting.queries';
export * from './reporting.messages';
export * from './kpi-targets';
