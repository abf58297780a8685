export type {
  Projection,
  ProjectionContext,
  ProjectionSource,
  SourceHandlers,
  SourceHandle,
} from './projection.port';
export {
  ProjectionRunner,
  type ProjectionRunnerOptions,
  type ProjectionState,
  type ProjectionStatus,
  type ProjectionReport,
} from './projection-runner';
export { projectionsBehind } from './projections-behind';
export { storeSource, type StoreSourceOptions } from './store-source';
export { upcastingSource } from './upcasting-source';
export { eventsSource, generatedSource } from './events-source';
export { CHECKPOINTS_COLLECTION, type ProjectionCheckpoint } from './projection-checkpoints';
export { POSITION_FIELD } from './guarded-writes';
export { jetStreamSource, type JetStreamSourceOptions } from './jetstream-source';
export { waitForCheckpoint } from './wait-for-checkpoint';
