import type { Actor, DistrictId } from '@hotline/contracts';

/** Commands and events as the domain sees them: `{ type, data }` (see `CommandOf` and `EventOf`). */
export interface DomainMessage {
  type: string;
  data: unknown;
}

/** What every decision may depend on besides the command and the state; time is injected, never read. */
export interface DecideContext {
  now: Date;
  actor: Actor;
  districtId: DistrictId;
  commandId: string;
  /**
   * The district of the stream's first event, for an aggregate whose streams belong to the district
   * they were created in (`keepsDistrict`); undefined for a new stream. Read from the same load.
   */
  streamDistrictId?: DistrictId;
}

/**
 * An aggregate as three pure functions. `decide` returns the events the command causes (none for a
 * no-op) or throws a HotlineError (usually a RuleViolation); `evolve` folds one event into the state.
 * `X` is whatever else the decision needs (a calendar, a catalogue), passed in by the handler.
 */
export interface Decider<C extends DomainMessage, E extends DomainMessage, S, X extends object = object> {
  initialState(): S;
  evolve(state: S, event: E): S;
  decide(command: C, state: S, context: DecideContext & X): E[];
}
