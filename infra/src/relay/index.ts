export * from './relay';
export * from './last-published-position';
