import { RuleViolation } from '@hotline/contracts';
import type { DecideContext, Decider, DomainMessage } from '@hotline/infra/command';

export const SPEC_NOW = new Date('2025-06-02T02:00:00.000Z');

export const specContext = (overrides: Partial<DecideContext> = {}): DecideContext => ({
  now: SPEC_NOW,
  actor: { id: 'agent-7', role: 'agent' },
  districtId: 'gulou',
  commandId: 'cmd-1',
  ...overrides,
});

/** Given events / when command / then events (or a rejection with its code), for any decider. */
export function deciderSpec<C extends DomainMessage, E extends DomainMessage, S>(decider: Decider<C, E, S>) {
  return {
    given(events: readonly E[]) {
      return {
        when(command: C, context: Partial<DecideContext> = {}) {
          const run = (): E[] =>
            decider.decide(
              command,
              events.reduce(decider.evolve, decider.initialState()),
              specContext(context),
            );
          return {
            then(expected: readonly E[]): void {
              expect(run()).toEqual(expected);
            },
            thenRejects(code: string, message?: RegExp): void {
              let error: unknown;
              try {
                run();
              } catch (thrown) {
                error = thrown;
              }
              expect(error).toBeInstanceOf(RuleViolation);
              expect(error).toMatchObject({ kind: 'rule', code });
              if (message) expect((error as Error).message).toMatch(message);
            },
          };
        },
      };
    },
  };
}
