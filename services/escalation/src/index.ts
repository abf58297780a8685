export {
  EscalationModule,
  escalationService,
  createEscalationService,
  type EscalationModuleOptions,
} from './escalation.module';
export { escalationConfigSchema, type EscalationConfig } from './escalation.config';
export { DeadlineBook, type DueTimer } from './deadlines/deadline-book';
export { DeadlineScheduler, BOOK_EVENT_TYPES } from './deadlines/deadline-scheduler';
export { deadlineBookProjection, loadDeadlineBook } from './deadlines/deadline-book.projection';
