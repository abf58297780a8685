export * from './category-taxonomy';
export * from './sample-taxonomy';
