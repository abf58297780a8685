import { createHash } from 'node:crypto';
import { CITY_DISTRICT } from '@hotline/contracts';
import type { EventStore } from '@hotline/infra/event-store';
import { DEMO_ARTICLES } from './content/demo-articles';
import { DEMO_ABANDONED, DEMO_REFERRALS, DEMO_WAITING } from './content/demo-contacts';
import { DEMO_UNITS } from './demo-city-seeder';
import { demoAdmin } from './demo-people';
import type { DemoCase } from './demo-plan';

/**
 * The one event that says the demo city is complete: appended only after every command of a run
 * succeeded and the workflow's reactions were seen, so a seeding cut off half-way (a crash, a
 * stop, a failed case) leaves no marker and the next start resumes it (the commands are idempotent).
 * It names a fingerprint of what the seeder sends: a build whose demo content differs seeds again.
 * No service handles this type; it is the seeder's own bookkeeping in the store it seeded.
 */
export const DEMO_CITY_STREAM = 'demo-city';
export const DEMO_CITY_SEEDED = 'DemoCitySeeded';

export class DemoCityMarker {
  readonly fingerprint: string;

  constructor(
    private readonly store: EventStore,
    plan: readonly DemoCase[],
  ) {
    const content = [DEMO_UNITS, DEMO_ARTICLES, DEMO_REFERRALS, DEMO_ABANDONED, DEMO_WAITING, plan];
    this.fingerprint = createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32);
  }

  /** One read of the stream's last event: cheap whatever the size of the store. */
  async present(): Promise<boolean> {
    const [last] = await this.store.readStreamOrEmpty(DEMO_CITY_STREAM, {
      direction: 'backwards',
      maxCount: 1,
    });
    return (
      last?.type === DEMO_CITY_SEEDED &&
      (last.data as { fingerprint?: string }).fingerprint === this.fingerprint
    );
  }

  async write(now: Date): Promise<void> {
    const id = `demo-city-seeded:${this.fingerprint}`;
    await this.store.append(
      DEMO_CITY_STREAM,
      [
        {
          id,
          type: DEMO_CITY_SEEDED,
          version: 1,
          data: { fingerprint: this.fingerprint },
          metadata: {
            correlationId: id,
            causationId: id,
            actor: demoAdmin.actor,
            districtId: CITY_DISTRICT,
          },
          time: now.toISOString(),
        },
      ],
      'any',
    );
  }
}
