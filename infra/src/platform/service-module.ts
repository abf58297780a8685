import type { DynamicModule } from '@nestjs/common';
import type { Platform } from './platform';

/** Injection token of the process's Platform (ports and engines). */
export const PLATFORM = Symbol('hotline.platform');

/**
 * What a service hands to a runner: the Nest module of its handlers, projections and routes, built
 * on the process's Platform. The embedded runner mounts every service in one app; a distributed
 * service's main mounts only its own.
 */
export interface ServiceDefinition {
  name: string;
  module(platform: Platform): DynamicModule;
}

/** A global module exposing the Platform to every service module of the app. */
export function platformModule(platform: Platform): DynamicModule {
  return {
    module: class PlatformModule {},
    global: true,
    providers: [{ provide: PLATFORM, useValue: platform }],
    exports: [PLATFORM],
  };
}
