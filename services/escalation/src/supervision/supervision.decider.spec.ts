import type { Actor } from '@hotline/contracts';
import type { DecideContext } from '@hotline/infra/command';
import { deciderSpec } from '@hotline/infra/command/testing';
import type { CaseFacts } from '../case-facts/case-facts';
import { supervisionDecider, type SupervisionContext } from './supervision.decider';
import { SupervisionError } from './supervision.errors';

const center: Actor = { id: 'center-1', role: 'center' };
const housing: Actor = { id: 'handler-1', role: 'unit', unitId: 'housing' };
const now = new Date('2026-11-03T02:00:00Z');
const facts: CaseFacts = {
  caseId: 'c1',
  caseNumber: '26110300',
  districtId: 'gulou',
  unitId: 'housing',
  involvedUnitIds: ['housing'],
  dueAt: '2026-11-05T04:00:00.000Z',
  finished: false,
  returns: 0,
  repeatContacts: 0,
  urgent: false,
  categoryCode: undefined,
  content: undefined,
  address: undefined,
  registeredAt: undefined,
};
const context = (actor: Actor = center, districtId = 'city'): DecideContext & SupervisionContext => ({
  now,
  actor,
  districtId,
  commandId: 'cmd-1',
  case: facts,
});
const open = {
  type: 'OpenSupervision' as const,
  data: {
    supervisionId: 's1',
    caseId: 'c1',
    scope: 'media-exposure' as const,
    level: 'center' as const,
    rectifyBy: '2026-11-06T09:30:00.000Z',
    note: '媒体曝光，限期整改',
  },
};
const opened = {
  type: 'SupervisionOpened' as const,
  data: { ...open.data, unitId: 'housing', automatic: false, caseNumber: '26110300' },
};

describe('a supervision (督办)', () => {
  const spec = deciderSpec(supervisionDecider, () => context());

  it('opens on an open, dispatched case with the unit holding it', () => {
    spec.given([]).when(open).then([opened]);
  });

  it('refuses a rectification deadline in the past, naming the field', () => {
    spec
      .given([])
      .when({ ...open, data: { ...open.data, rectifyBy: '2026-11-02T09:30:00.000Z' } })
      .thenRejects(SupervisionError.RectificationDeadlineInPast);
  });

  it("refuses a case outside the caller's district, and a unit user", () => {
    deciderSpec(supervisionDecider, () => context(center, 'cangshan'))
      .given([])
      .when(open)
      .thenRejects(SupervisionError.OutOfScope);
    deciderSpec(supervisionDecider, () => context(housing))
      .given([])
      .when(open)
      .thenRejects(SupervisionError.RoleNotAllowed);
  });

  it('refuses a completed case and an unknown one', () => {
    spec
      .given([])
      .when(open, { case: { ...facts, finished: true } })
      .thenRejects(SupervisionError.CaseFinished);
    spec.given([]).when(open, { case: undefined }).thenRejects(SupervisionError.CaseNotFound);
  });

  it('opens on a completed case after a dissatisfied callback (a random audit comes after completion)', () => {
    const callback = { ...open, data: { ...open.data, scope: 'dissatisfied-callback' as const } };
    spec
      .given([])
      .when(callback, { case: { ...facts, finished: true } })
      .then([{ ...opened, data: { ...opened.data, scope: 'dissatisfied-callback' } }]);
  });

  it('takes the written response of the supervised unit only, then the verdict', () => {
    const respond = {
      type: 'RespondToSupervision' as const,
      data: { supervisionId: 's1', response: '已整改完毕' },
    };
    deciderSpec(supervisionDecider, () => context(housing))
      .given([opened])
      .when(respond)
      .then([
        {
          type: 'SupervisionResponded',
          data: { supervisionId: 's1', unitId: 'housing', response: '已整改完毕' },
        },
      ]);
    deciderSpec(supervisionDecider, () => context({ ...housing, unitId: 'water' }))
      .given([opened])
      .when(respond)
      .thenRejects(SupervisionError.NotFound);
    const close = {
      type: 'CloseSupervision' as const,
      data: { supervisionId: 's1', verdict: 'rectified' as const, comment: '整改到位' },
    };
    spec
      .given([opened])
      .when(close)
      .then([{ type: 'SupervisionClosed', data: close.data }]);
  });

  it('marks the rectification overdue once, only while unanswered', () => {
    const system = deciderSpec(supervisionDecider, () =>
      context({ id: 'system:escalation-timers', role: 'system' }),
    );
    const mark = { type: 'MarkRectificationOverdue' as const, data: { supervisionId: 's1' } };
    const overdue = {
      type: 'SupervisionRectificationOverdue' as const,
      data: { supervisionId: 's1', unitId: 'housing', rectifyBy: open.data.rectifyBy },
    };
    system.given([opened]).when(mark).then([overdue]);
    system.given([opened, overdue]).when(mark).then([]);
    system
      .given([
        opened,
        { type: 'SupervisionResponded', data: { supervisionId: 's1', unitId: 'housing', response: '已办' } },
      ])
      .when(mark)
      .then([]);
  });
});
