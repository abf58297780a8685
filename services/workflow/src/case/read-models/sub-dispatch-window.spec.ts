import { WorkflowRole, type CaseEvent, type RecordedEvent } from '@hotline/contracts';
import { CASE_ID, cst, given } from '../domain/testing/case-fixtures';
import { caseSummary } from '../queries/case-views';
import { defaultWorkflowSettings } from '../../workflow-settings';
import { applyCaseEvent, type CaseView } from './case-view';

const recorded = (events: CaseEvent[]): RecordedEvent[] =>
  events.map((event, index) => ({
    id: `event-${index}`,
    streamId: `case-${CASE_ID}`,
    revision: index,
    position: index + 1,
    type: event.type,
    version: 1,
    data: event.data,
    time: cst('2025-03-03 09:00'),
    metadata: {
      correlationId: 'c',
      causationId: 'c',
      actor: { id: 'a', role: WorkflowRole.Center },
      districtId: 'gulou',
    },
  }));

const fold = (events: CaseEvent[]): CaseView => {
  const view = recorded(events).reduce<CaseView | undefined>(applyCaseEvent, undefined);
  if (!view) throw new Error('no view');
  return view;
};

const subDispatched: CaseEvent = {
  type: 'CaseSubDispatched',
  data: {
    caseId: CASE_ID,
    fromUnitId: 'gulou',
    toUnitId: 'gulou-dongjie',
    signBy: cst('2025-03-04 17:30'),
    returnBy: cst('2025-03-04 17:30'),
  },
};

const settings = defaultWorkflowSettings();
const windowAt = (view: CaseView, local: string) =>
  caseSummary({ ...view, place: null }, new Date(cst(local)), settings).subDispatch;

describe("a district office's 12-hour sub-dispatch window in the read models", () => {
  const atDistrict = fold([given.registered(), given.dispatched(), given.signed('gulou')]);

  it("shows the window on the case and on the office's task while the office holds the case", () => {
    expect(atDistrict.subDispatchBy).toBe(cst('2025-03-03 21:00'));
    expect(atDistrict.tasks.find((t) => t.unitId === 'gulou')?.subDispatchBy).toBe(cst('2025-03-03 21:00'));
  });

  it('is green, then yellow in its last 4 hours, then red and overdue once it has passed', () => {
    expect(windowAt(atDistrict, '2025-03-03 10:00')).toEqual({
      unitId: 'gulou',
      by: cst('2025-03-03 21:00'),
      colour: 'green',
      overdue: false,
    });
    expect(windowAt(atDistrict, '2025-03-03 17:00')).toMatchObject({ colour: 'yellow', overdue: false });
    expect(windowAt(atDistrict, '2025-03-03 21:01')).toMatchObject({ colour: 'red', overdue: true });
  });

  it('closes once the office passed the case on, or replied itself', () => {
    const passedOn = fold([given.registered(), given.dispatched(), given.signed('gulou'), subDispatched]);
    expect(passedOn.subDispatchBy).toBeNull();
    expect(passedOn.tasks.every((t) => t.subDispatchBy === null)).toBe(true);
    expect(windowAt(passedOn, '2025-03-04 09:00')).toBeUndefined();

    const replied = fold([given.registered(), given.dispatched(), given.signed('gulou'), given.replied()]);
    expect(replied.subDispatchBy).toBeNull();
  });

  it('gives a unit that is not a district office no window', () => {
    const { subDispatchBy: _none, ...lead } = given.dispatched().data.lead;
    const atBureau = fold([
      given.registered(),
      given.dispatched({ lead: { ...lead, unitId: 'housing-bureau' } }),
    ]);
    expect(atBureau.subDispatchBy).toBeNull();
    expect(windowAt(atBureau, '2025-03-05 09:00')).toBeUndefined();
  });
});
