export * from './city-settings.messages';
export * from './city-settings.queries';
