export * from './relay';
export * from './last-published-position';
export * from './redacting-event-publisher';
export * from './integration-feed';
