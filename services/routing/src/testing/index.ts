export { EventModel } from './router-invariants';
