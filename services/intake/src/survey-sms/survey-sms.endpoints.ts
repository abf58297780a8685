import { SendSurveySms } from '@hotline/contracts';
import { commandEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import type { SurveySmsService } from './survey-sms.service';

/** `intake.command.SendSurveySms`: the survey's SMS with a callback link to a citizen. */
export const surveySmsEndpoints = (service: SurveySmsService): BusEndpoint[] => [
  commandEndpoint(SendSurveySms, (command) => service.send(command)),
];
