import { escalationService } from '@hotline/escalation';
import { gatewayService } from '@hotline/gateway';
import { catalogOrder, type ServiceDefinition } from '@hotline/infra/platform';
import { intakeService } from '@hotline/intake';
import { reportingService } from '@hotline/reporting';
import { routingService } from '@hotline/routing';
import { surveyService } from '@hotline/survey';
import { sipappService } from '@hotline/sipapp';
import { workflowService } from '@hotline/workflow';

/**
 * Every service of the platform, mounted in one process by the embedded runner, in the order of
 * the service catalog (`infra/src/platform/services.json`); a service this map and the
 * catalog disagree on fails the start.
 */
export const embeddedServices: ServiceDefinition[] = catalogOrder({
  workflow: workflowService,
  intake: intakeService,
  routing: routingService,
  reporting: reportingService,
  sipapp: sipappService,
  escalation: escalationService,
  survey: surveyService,
  gateway: gatewayService,
});
