export * from './routing.values';
export * from './routing.commands';
export * from './routing.events';
export * from './routing.queries';
export * from './routing.messages';
export * from './routing.roles';
export * from './skill-catalogue';
