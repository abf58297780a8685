import fc from 'fast-check';
import { MessageRegistry, caseEvents, type CaseEvent } from '@hotline/contracts';
import { caseDecider } from './case.decider';
import { CaseRuleViolation } from './case.errors';
import type { CaseState } from './case.state';
import { caseInvariantViolations } from './testing/case-invariants';
import { UNITS, at, calendar, caseContext } from './testing/case-fixtures';
import { caseStep, commandOf, type CaseStep } from './testing/case-steps';

const registry = new MessageRegistry().register(...caseEvents);
const context = caseContext();

interface Run {
  live: CaseState;
  /** The events as the store would return them: JSON, read back through their schemas. */
  stored: CaseEvent[];
  broken: string[];
  types: Set<string>;
}

function play(steps: CaseStep[]): Run {
  let now = at('2025-03-03 08:00');
  let live = caseDecider.initialState();
  const run: Run = { live, stored: [], broken: [], types: new Set() };
  for (const step of steps) {
    now = new Date(now.getTime() + step.minutes * 60_000);
    const { command, actor } = commandOf(step, live, now, UNITS, calendar);
    const ctx = { ...context, now, actor };
    let events: CaseEvent[];
    try {
      events = caseDecider.decide(command, live, ctx);
    } catch (error) {
      if (error instanceof CaseRuleViolation) continue;
      throw error;
    }
    expect(caseDecider.decide(command, live, ctx)).toEqual(events);
    const previous = live;
    for (const event of events) {
      live = caseDecider.evolve(live, event);
      run.types.add(event.type);
      const data = registry.readEventData(event.type, 1, JSON.parse(JSON.stringify(event.data)));
      run.stored.push({ type: event.type, data } as CaseEvent);
    }
    const broken = caseInvariantViolations(
      live,
      previous,
      UNITS,
      context.rules.redosBeforeClosingDissatisfied,
    );
    run.broken.push(...broken.map((b) => `${b} (after ${command.type})`));
  }
  run.live = live;
  return run;
}

describe('case decider properties', () => {
  const seen = new Set<string>();

  it('never reaches an invalid state, and replaying the stored events rebuilds the live state', () => {
    fc.assert(
      fc.property(fc.array(caseStep, { minLength: 1, maxLength: 60, size: 'max' }), (steps) => {
        const run = play(steps);
        run.types.forEach((t) => seen.add(t));
        expect(run.broken).toEqual([]);
        expect(run.stored.reduce(caseDecider.evolve, caseDecider.initialState())).toEqual(run.live);
      }),
      { numRuns: 400 },
    );
  });

  it('reached every event type of the case in those runs', () => {
    expect([...seen].sort()).toEqual(caseEvents.map((d) => d.type).sort());
  });
});
