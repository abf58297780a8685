import { intakeDefinitions } from './intake/intake.messages';
import { MessageRegistry } from './messages/registry';
import { CaseNumberBlockClaimed } from './workflow/case-number-block.events';
import { caseCommands, caseEvents } from './workflow/case.messages';
import { workflowQueries } from './workflow/queries/workflow.queries';

/**
 * Every command, query and event of the platform. A service's contracts module adds its definitions
 * here, so validation, upcasting and the AsyncAPI document all read one list.
 */
export function platformRegistry(): MessageRegistry {
  return new MessageRegistry().register(
    ...caseCommands,
    ...caseEvents,
    CaseNumberBlockClaimed,
    ...workflowQueries,
    ...intakeDefinitions,
  );
}
