import { caseEscalationCommands, GetDeadlineBoard, type Clock } from '@hotline/contracts';
import { commandEndpoint, queryEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import { handleCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import { loadCaseFacts } from '../case-facts/case-facts';
import { caseEscalationAggregate } from './case-escalation.aggregate';
import { deadlineBoard } from './deadline-board';
import type { DeadlineBook } from './deadline-book';

/** The case escalation commands (the platform's own) and the deadline board on the bus. */
export const deadlineEndpoints = (deps: {
  handler: CommandHandlerDeps;
  book: DeadlineBook;
  clock: Clock;
  dueSoonWithin: number;
}): BusEndpoint[] => [
  ...caseEscalationCommands.map((definition) =>
    commandEndpoint(definition, (command) =>
      handleCommand(deps.handler, { aggregate: caseEscalationAggregate, id: command.data.caseId, command }),
    ),
  ),
  queryEndpoint(GetDeadlineBoard, async (query) => {
    const rows = deadlineBoard(deps.book, query, deps.clock.now(), deps.dueSoonWithin);
    // The book keeps no case numbers (it holds every open case in memory): the page's few rows
    // read theirs from the cases' own streams.
    return Promise.all(
      rows.map(async (row) => {
        const caseNumber = (await loadCaseFacts(deps.handler.store, row.caseId))?.caseNumber;
        return caseNumber ? { ...row, caseNumber } : row;
      }),
    );
  }),
];
