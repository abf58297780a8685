export * from './reporting.queries';
export * from './reporting.messages';
