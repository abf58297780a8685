export * from './account.values';
export * from './account.messages';
export * from './api-token.messages';
