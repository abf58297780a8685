export type { Decider, DecideContext, DomainMessage } from './decider';
export { handleCommand, type CommandHandlerDeps, type HandleCommandRequest } from './handle-command';
export type { CommandResult, AppendedEventSummary } from './command-result';
export { deriveEventId } from './derive-event-id';
export { httpErrorResponse, type HttpErrorResponse } from './http-error-response';
export { HotlineErrorFilter } from './hotline-error.filter';
