import { accountDefinitions } from './account';
import { escalationDefinitions } from './escalation/escalation.messages';
import { intakeDefinitions } from './intake/intake.messages';
import { MessageRegistry } from './messages/registry';
import { reportingDefinitions } from './reporting/reporting.messages';
import { routingDefinitions } from './routing/routing.messages';
import { surveyDefinitions } from './survey/survey.messages';
import { telephonyDefinitions } from './telephony/telephony.messages';
import { workflowDefinitions } from './workflow/workflow.definitions';

/**
 * Every command, query and event of the platform. A service's contracts module adds its definitions
 * here, so validation, upcasting and the AsyncAPI document all read one list.
 */
export function platformRegistry(): MessageRegistry {
  return new MessageRegistry().register(
    ...workflowDefinitions,
    ...intakeDefinitions,
    ...routingDefinitions,
    ...reportingDefinitions,
    ...accountDefinitions,
    ...telephonyDefinitions,
    ...escalationDefinitions,
    ...surveyDefinitions,
  );
}
