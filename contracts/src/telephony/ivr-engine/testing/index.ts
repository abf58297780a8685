export * from './scripted-media';
export * from './stub-ivr-services';
