export type { Decider, DecideContext, DomainMessage } from './decider';
export {
  handleCommand,
  type CommandHandlerDeps,
  type ContextOf,
  type HandleCommandRequest,
} from './handle-command';
export { defineAggregate, type Aggregate, type AggregateSpec, type LoadedAggregate } from './aggregate';
export { parseCommand, parseCommandOf, type ParsedCommand } from './parse-command';
export type { CommandResult, AppendedEventSummary } from './command-result';
export { deriveEventId } from './derive-event-id';
export { httpErrorResponse, type HttpErrorResponse } from './http-error-response';
export { HotlineErrorFilter } from './hotline-error.filter';
