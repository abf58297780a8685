export * from './escalation.values';
export * from './case-escalation.messages';
export * from './reminder.messages';
export * from './supervision.messages';
export * from './escalation.queries';
export * from './escalation.messages';
