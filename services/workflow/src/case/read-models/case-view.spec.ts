import type { CaseEvent, RecordedEvent } from '@hotline/contracts';
import { CASE_ID, cst, given } from '../domain/testing/case-fixtures';
import { applyCaseEvent, type CaseView } from './case-view';

const recorded = (events: CaseEvent[], time = '2025-03-05 10:00'): RecordedEvent[] =>
  events.map((event, index) => ({
    id: `event-${index}`,
    streamId: `case-${CASE_ID}`,
    revision: index,
    position: index + 1,
    type: event.type,
    version: 1,
    data: event.data,
    time: cst(time),
    metadata: {
      correlationId: 'c',
      causationId: 'c',
      actor: { id: 'a', role: 'center' },
      districtId: 'gulou',
    },
  }));

const fold = (events: CaseEvent[], time?: string): CaseView => {
  const view = recorded(events, time).reduce<CaseView | undefined>(applyCaseEvent, undefined);
  if (!view) throw new Error('no view');
  return view;
};

const subDispatched = (fromUnitId: string, toUnitId: string): CaseEvent => ({
  type: 'CaseSubDispatched',
  data: {
    caseId: CASE_ID,
    fromUnitId,
    toUnitId,
    signBy: cst('2025-03-04 17:30'),
    returnBy: cst('2025-03-04 17:30'),
  },
});

const taskOf = (view: CaseView, unitId: string) => view.tasks.find((t) => t.unitId === unitId);

describe('the case view of the workflow read models', () => {
  it('starts with the dispatch deadline and no units', () => {
    const view = fold([given.registered()]);
    expect(view).toMatchObject({
      status: 'registered',
      districtId: 'gulou',
      deadlineAt: cst('2025-03-04 12:00'),
      unitIds: [],
    });
  });

  it('awaits a callback once completed, no longer once called back, and again after a redo completes', () => {
    const handled = [given.registered(), given.dispatched(), given.signed(), given.replied()];
    expect(fold(handled).awaitingCallback).toBe(false);
    const completed = [...handled, given.completed()];
    expect(fold(completed).awaitingCallback).toBe(true);
    const calledBack = [...completed, given.callback(true)];
    expect(fold(calledBack)).toMatchObject({ awaitingCallback: false, lastCallback: { redoRequired: true } });
    const redoneAndCompleted = [
      ...calledBack,
      given.redone(1),
      given.signed(),
      given.replied(),
      given.completed(),
    ];
    expect(fold(redoneAndCompleted)).toMatchObject({ awaitingCallback: true, lastCallback: null });
  });

  it('marks a case reported to the leaders, then instructed', () => {
    const reported = [
      given.registered(),
      { type: 'CaseReportedToLeader', data: { caseId: CASE_ID, summary: '高层停运' } } as CaseEvent,
    ];
    expect(fold(reported)).toMatchObject({ reportedToLeader: true, instructed: false });
    const instructed = [
      ...reported,
      {
        type: 'CaseLeaderInstructionRecorded',
        data: { caseId: CASE_ID, instruction: '两日内修复' },
      } as CaseEvent,
    ];
    expect(fold(instructed)).toMatchObject({ reportedToLeader: true, instructed: true });
  });

  it('ignores events of a case that was never registered', () => {
    expect(
      recorded([given.dispatched()]).reduce<CaseView | undefined>(applyCaseEvent, undefined),
    ).toBeUndefined();
  });

  it('hands a task on to a sub-unit and brings it back, marked, when the sub-unit returns it', () => {
    const passedOn = fold([
      given.registered(),
      given.dispatched(),
      given.signed('gulou'),
      subDispatched('gulou', 'gulou-dongjie'),
    ]);
    expect(taskOf(passedOn, 'gulou')).toMatchObject({ state: 'handed-on' });
    expect(taskOf(passedOn, 'gulou-dongjie')).toMatchObject({ state: 'to-sign', role: 'lead' });

    const back = fold([
      given.registered(),
      given.dispatched(),
      given.signed('gulou'),
      subDispatched('gulou', 'gulou-dongjie'),
      given.returned('gulou-dongjie', { returnedToUnitId: 'gulou' }),
    ]);
    expect(taskOf(back, 'gulou')).toMatchObject({ state: 'in-progress', cameBack: true });
    expect(taskOf(back, 'gulou-dongjie')).toMatchObject({ state: 'returned' });
    expect(back.unitIds.sort()).toEqual(['gulou', 'gulou-dongjie']);
  });

  it('marks the earlier lead reassigned or returned after a re-dispatch', () => {
    const view = fold([
      given.registered(),
      given.dispatched(),
      given.returned('gulou'),
      given.redispatched('taijiang', 'gulou'),
    ]);
    expect(taskOf(view, 'gulou')).toMatchObject({ state: 'returned' });
    expect(taskOf(view, 'taijiang')).toMatchObject({ state: 'to-sign' });
  });

  it('records a late reply as late, clears the reply fields at a redo and finishes every task at closure', () => {
    const late = fold(
      [given.registered(), given.dispatched(), given.signed(), given.replied()],
      '2025-03-18 09:00',
    );
    expect(late).toMatchObject({ replied: true, repliedLate: true, status: 'replied' });
    const redone = fold([
      given.registered(),
      given.dispatched(),
      given.signed(),
      given.replied(),
      given.completed(),
      given.callback(true),
      given.redone(1),
    ]);
    expect(redone).toMatchObject({ replied: false, repliedAt: null, reply: null, status: 'dispatched' });
    expect(taskOf(redone, 'gulou')).toMatchObject({ state: 'to-sign' });
    const closed = fold([
      ...[given.registered(), given.dispatched(), given.signed(), given.replied(), given.completed()],
      given.callback(false),
      { type: 'CaseClosed', data: { caseId: CASE_ID } },
    ]);
    expect(closed.tasks.map((t) => t.state)).toEqual(['done']);
    expect(closed.publicAnswer).toMatchObject({ answer: '已责令工地停止夜间施工' });
  });

  it('shows a pending extension on the lead task until the center decides', () => {
    const requested: CaseEvent = {
      type: 'CaseExtensionRequested',
      data: {
        caseId: CASE_ID,
        unitId: 'gulou',
        reason: '需协调',
        requestedDueAt: cst('2025-03-19 17:30'),
        workingDays: 2,
      },
    };
    const pending = fold([given.registered(), given.dispatched(), given.signed(), requested]);
    expect(pending.extensionPending).toBe(true);
    expect(taskOf(pending, 'gulou')).toMatchObject({ extensionPending: true });
    const approved = fold([
      given.registered(),
      given.dispatched(),
      given.signed(),
      requested,
      {
        type: 'CaseExtensionApproved',
        data: { caseId: CASE_ID, dueAt: '2025-03-19T17:30:00+08:00', workingDays: 2 },
      },
    ]);
    expect(approved).toMatchObject({ extensionPending: false, deadlineAt: cst('2025-03-19 17:30') });
    expect(taskOf(approved, 'gulou')).toMatchObject({
      extensionPending: false,
      dueAt: cst('2025-03-19 17:30'),
    });
  });
});
