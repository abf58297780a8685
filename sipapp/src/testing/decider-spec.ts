import type { DecideContext, Decider, DomainMessage } from '@hotline/infra/command';
import { deciderSpec as givenWhenThen } from '@hotline/infra/command/testing';

export const SPEC_NOW = new Date('2026-12-07T02:00:00.000Z');

/** Given events / when command / then events, in the telephone edge's default context (the platform). */
export const deciderSpec = <C extends DomainMessage, E extends DomainMessage, S>(decider: Decider<C, E, S>) =>
  givenWhenThen(
    decider,
    () =>
      ({
        now: SPEC_NOW,
        actor: { id: 'system:sipapp', role: 'system' },
        districtId: 'city',
        commandId: 'cmd-1',
      }) satisfies DecideContext,
  );
