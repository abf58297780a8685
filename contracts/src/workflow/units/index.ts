export * from './dispatch-catalogue.messages';
export * from './unit.messages';
export * from './unit.queries';
export * from './unit-views';
export * from './place-names';
