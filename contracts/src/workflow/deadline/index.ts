export * from './case-colour';
export * from './deadline-policy';
export * from './extension-rule';
export * from './sub-dispatch-window';
