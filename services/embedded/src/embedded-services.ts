import { gatewayService } from '@hotline/gateway';
import type { ServiceDefinition } from '@hotline/infra/platform';

/** Every service of the platform, mounted in one process by the embedded runner. */
export const embeddedServices: ServiceDefinition[] = [gatewayService];
