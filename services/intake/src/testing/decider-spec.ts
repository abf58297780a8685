import type { DecideContext, Decider, DomainMessage } from '@hotline/infra/command';
import { deciderSpec as givenWhenThen } from '@hotline/infra/command/testing';

export const SPEC_NOW = new Date('2025-06-02T02:00:00.000Z');

export const specContext = (overrides: Partial<DecideContext> = {}): DecideContext => ({
  now: SPEC_NOW,
  actor: { id: 'agent-7', role: 'agent' },
  districtId: 'gulou',
  commandId: 'cmd-1',
  ...overrides,
});

/** Given events / when command / then events (or a rejection with its code), in intake's default context. */
export const deciderSpec = <C extends DomainMessage, E extends DomainMessage, S>(decider: Decider<C, E, S>) =>
  givenWhenThen(decider, () => specContext());
