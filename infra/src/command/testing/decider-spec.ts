import { RuleViolation } from '@hotline/contracts';
import type { DecideContext, Decider, DomainMessage } from '@hotline/infra/command';

/**
 * Given events / when command / then events (or a rejection), for any decider. The state is
 * folded from the given events with the decider's own `evolve`.
 */
export function deciderSpec<
  Command extends DomainMessage,
  Event extends DomainMessage,
  State,
  X extends object,
>(decider: Decider<Command, Event, State, X>, defaultContext: () => DecideContext & X) {
  return {
    given(events: readonly Event[]) {
      return {
        when(command: Command, context: Partial<DecideContext & X> = {}) {
          const run = (): Event[] =>
            decider.decide(command, events.reduce(decider.evolve, decider.initialState()), {
              ...defaultContext(),
              ...context,
            });
          return {
            then(expected: readonly Event[]): void {
              expect(run()).toEqual(expected);
            },
            thenRejects(code: string, message?: RegExp): void {
              let produced: Event[] | undefined;
              let error: unknown;
              try {
                produced = run();
              } catch (thrown) {
                error = thrown;
              }
              expect({ produced, error }).toEqual({ produced: undefined, error: expect.any(RuleViolation) });
              expect(error).toMatchObject({ code });
              if (message) expect((error as Error).message).toMatch(message);
            },
          };
        },
      };
    },
  };
}
