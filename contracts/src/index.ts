export * from './kernel/actor';
export * from './kernel/ids';
export * from './kernel/envelope';
export * from './kernel/errors';
export * from './kernel/validate';
export * from './messages/define';
export * from './messages/subjects';
export * from './messages/registry';
