export * from './case-views';
export * from './inbox-views';
