export * from './case.context';
export * from './case.decide';
export * from './case.decider';
export * from './case.errors';
export * from './case.evolve';
export * from './case.state';
