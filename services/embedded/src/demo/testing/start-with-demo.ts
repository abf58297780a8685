import type { Platform } from '@hotline/infra/platform';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { embeddedServices } from '../../embedded-services';
import { DemoCity } from '../demo-city';
import type { DemoCityReport } from '../demo-city-seeder';
import { DemoClock } from '../demo-clock';
import type { DemoCase } from '../demo-plan';

export interface StartedWithDemo {
  platform: Platform;
  running: BootedPlatform;
  created: Promise<DemoCityReport>;
}

/** The embedded runner as `npm start` wires it with demo data on (see main.ts), on `dir`. */
export async function startWithDemo(dir: string, plan?: readonly DemoCase[]): Promise<StartedWithDemo> {
  const clock = new DemoClock();
  let city: DemoCity | undefined;
  const running = await bootPlatform(embeddedServices, {
    dir,
    clock,
    env: { HOTLINE_DEMO: 'on' },
    onOpen: (platform) => {
      city = new DemoCity(platform, clock, plan);
    },
  });
  if (!city) throw new Error('the platform opened without the demo city');
  return { platform: running.platform, running, created: city.create() };
}
