import { escalationService } from '@hotline/escalation';
import { gatewayService } from '@hotline/gateway';
import type { ServiceDefinition } from '@hotline/infra/platform';
import { intakeService } from '@hotline/intake';
import { reportingService } from '@hotline/reporting';
import { routingService } from '@hotline/routing';
import { surveyService } from '@hotline/survey';
import { sipappService } from '@hotline/sipapp';
import { workflowService } from '@hotline/workflow';

/** Every service of the platform, mounted in one process by the embedded runner. */
export const embeddedServices: ServiceDefinition[] = [
  workflowService,
  intakeService,
  routingService,
  reportingService,
  sipappService,
  escalationService,
  surveyService,
  gatewayService,
];
