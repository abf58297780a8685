export { createTemporaryDatabase, type TemporaryDatabase } from './temporary-database';
export { CuttingProxy, type Cut } from './cutting-proxy';
