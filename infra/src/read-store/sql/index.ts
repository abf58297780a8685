/** The shared translation of the ReadStore's MongoDB subset to SQL, for the SQL adapters' dialects. */
export type * from './sql-dialect';
export { NumberedParams } from './sql-params';
export { translateFilter, not, TRUE, FALSE } from './translate-filter';
export { translateUpdate, updateSteps, type UpdateTranslation } from './translate-update';
export { translatePipeline, type PipelineSource } from './translate-pipeline';
export { orderBy } from './translate-sort';
export { applyProjection } from './apply-projection';
export { UnsupportedOperatorError } from './unsupported-operator.error';
