export * from './ivr-ports';
export * from './ivr-call-state';
export * from './business-hours';
export * from './run-ivr-flow';
