import type { CaseCommand, CaseEvent } from '@hotline/contracts';
import { deciderSpec } from '@hotline/infra/command/testing';
import { caseDecider } from './case.decider';
import { CaseError } from './case.errors';
import { CASE_ID, actors, at, caseContext, cst, given } from './testing/case-fixtures';

const now = at('2025-03-12 10:00');
const spec = deciderSpec(caseDecider, () => caseContext({ actor: actors.center, now }));

const redo = (coHandlers: Array<{ unitId: string; dueAt?: string }> = []): CaseCommand => ({
  type: 'RedoCase',
  data: { caseId: CASE_ID, reason: '回访不满意，协办单位未清理占道', coHandlers },
});

const withCoHandlers = given.dispatched({
  coHandlers: ['housing-bureau', 'market-bureau'].map((unitId) => ({
    unitId,
    signBy: cst('2025-03-04 12:00'),
    returnBy: cst('2025-03-04 12:00'),
    dueAt: cst('2025-03-14 12:00'),
  })),
});
const coReplied = (unitId: string): CaseEvent => ({
  type: 'CaseCoHandlerReplied',
  data: { caseId: CASE_ID, unitId, result: '已配合处理', attachments: [] },
});
/** Completed with two co-handlers that both replied; the citizen is dissatisfied, the units at fault. */
const dissatisfied: CaseEvent[] = [
  given.registered(),
  withCoHandlers,
  given.signed('gulou'),
  given.signed('housing-bureau', 'co-handler'),
  given.signed('market-bureau', 'co-handler'),
  coReplied('housing-bureau'),
  coReplied('market-bureau'),
  given.replied(),
  given.completed(),
  given.callback(true),
];

const fold = (events: CaseEvent[]) => events.reduce(caseDecider.evolve, caseDecider.initialState());
const decideRedo = (command: CaseCommand) =>
  caseDecider.decide(command, fold(dissatisfied), caseContext({ actor: actors.center, now }));

describe('redo (重办) with co-handlers', () => {
  it('re-opens the lead and the co-handler at fault, each with new deadlines', () => {
    const [event] = decideRedo(redo([{ unitId: 'market-bureau' }]));
    expect(event).toMatchObject({
      type: 'CaseRedone',
      data: {
        lead: { unitId: 'gulou', signBy: cst('2025-03-13 12:00') },
        dueAt: cst('2025-03-26 12:00'),
        coHandlers: [
          {
            unitId: 'market-bureau',
            signBy: cst('2025-03-13 12:00'),
            returnBy: cst('2025-03-13 12:00'),
            dueAt: cst('2025-03-25 12:00'),
          },
        ],
        redoCount: 1,
      },
    });
  });

  it("lets the survey's process manager (the platform) redo after a dissatisfied callback, not an agent", () => {
    spec
      .given(dissatisfied)
      .when(redo(), { actor: actors.system })
      .then([expect.objectContaining({ type: 'CaseRedone' }) as CaseEvent]);
    spec.given(dissatisfied).when(redo(), { actor: actors.agent }).thenRejects(CaseError.RoleNotAllowed);
  });

  it("takes a co-handler's own deadline when it lies within the lead's", () => {
    const [event] = decideRedo(
      redo([{ unitId: 'housing-bureau', dueAt: cst('2025-03-19 17:00') }, { unitId: 'market-bureau' }]),
    );
    expect(event?.type === 'CaseRedone' && event.data.coHandlers.map((c) => [c.unitId, c.dueAt])).toEqual([
      ['housing-bureau', cst('2025-03-19 17:00')],
      ['market-bureau', cst('2025-03-25 12:00')],
    ]);
  });

  it('leaves out the co-handlers not at fault: the redone case waits only for those named', () => {
    const state = caseDecider.evolve(fold(dissatisfied), decideRedo(redo([{ unitId: 'market-bureau' }]))[0]!);
    expect(state).toMatchObject({
      status: 'dispatched',
      lead: { unitId: 'gulou', status: 'dispatched' },
      coHandlers: [{ unitId: 'market-bureau', status: 'dispatched' }],
    });
  });

  it('makes the co-handler at fault sign and reply again before the lead may consolidate', () => {
    const redone = decideRedo(redo([{ unitId: 'market-bureau' }]));
    spec
      .given([...dissatisfied, ...redone, given.signed('gulou')])
      .when(
        { type: 'SubmitCaseReply', data: { caseId: CASE_ID, result: '已重新处理', attachments: [] } },
        { actor: actors.unit('gulou'), now: at('2025-03-13 09:00') },
      )
      .thenRejects(CaseError.CoHandlersPending);
  });

  it('rejects a unit that was not a co-handler of the case, naming the field', () => {
    spec
      .given(dissatisfied)
      .when(redo([{ unitId: 'market-bureau' }, { unitId: 'water-group' }]))
      .thenRejects(CaseError.NotACoHandler, /^coHandlers\.1\.unitId: water-group was not a co-handler/);
  });

  it("rejects a co-handler deadline after the lead's", () => {
    spec
      .given(dissatisfied)
      .when(redo([{ unitId: 'market-bureau', dueAt: cst('2025-03-27 09:00') }]))
      .thenRejects(CaseError.InvalidCoHandlerDueDate, /^coHandlers\.0\.dueAt: /);
  });

  it('rejects naming the same co-handler twice', () => {
    spec
      .given(dissatisfied)
      .when(redo([{ unitId: 'market-bureau' }, { unitId: 'market-bureau' }]))
      .thenRejects(CaseError.DuplicateUnit);
  });
});
