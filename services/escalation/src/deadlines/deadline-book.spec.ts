import { chinaTime, chinaWorkingCalendar, type RecordedEvent } from '@hotline/contracts';
import { DeadlineBook, type DueTimer } from './deadline-book';

const calendar = chinaWorkingCalendar();
let position = 0;

function recorded(type: string, data: Record<string, unknown>, at: Date, streamId?: string): RecordedEvent {
  position += 1;
  return {
    id: `event-${position}`,
    type,
    version: 1,
    data,
    time: at.toISOString(),
    streamId: streamId ?? `case-${String(data.caseId)}`,
    revision: 0,
    position,
    metadata: {
      correlationId: 'c-1',
      causationId: 'c-1',
      actor: { id: 'agent-1', role: 'agent' },
      districtId: 'city',
    },
  };
}

/** A dispatch as the workflow writes it: deadlines on the national calendar. */
function dispatched(caseId: string, at: Date, limit: number, unitId = 'housing'): RecordedEvent {
  return recorded(
    'CaseDispatched',
    {
      caseId,
      lead: {
        unitId,
        signBy: calendar.addWorkingDays(at, 1).toISOString(),
        returnBy: calendar.addWorkingDays(at, 1).toISOString(),
      },
      coHandlers: [],
      dueAt: calendar.addWorkingDays(at, limit).toISOString(),
      limitWorkingDays: limit,
    },
    at,
  );
}

/** Walks a fake clock minute by minute from `from` to `to`, noting what fires when. */
function walk(book: DeadlineBook, from: Date, to: Date): Array<{ at: string; timer: DueTimer }> {
  const fired: Array<{ at: string; timer: DueTimer }> = [];
  for (let now = from.getTime(); now <= to.getTime(); now += 60_000) {
    for (const timer of book.due(now)) {
      fired.push({ at: new Date(now).toISOString(), timer });
      book.markFired(timer);
    }
    book.requeue();
  }
  return fired;
}

const summary = (fired: Array<{ at: string; timer: DueTimer }>) =>
  fired.map(({ at, timer }) => `${timer.point}@${at}`);

describe('the deadline book', () => {
  const book = () => new DeadlineBook({ calendar, dueSoonWithin: 1, firstContactWithin: 1 });

  it('fires each point once through Golden Week, skipping the holiday and counting the make-up days', () => {
    const b = book();
    // Tuesday 29 September 2026, 10:00 in Beijing; a help request has 3 working days.
    const dispatchedAt = chinaTime('2026-09-29', '10:00');
    b.apply(dispatched('c1', dispatchedAt, 3));
    b.apply(
      recorded(
        'CaseSigned',
        { caseId: 'c1', unitId: 'housing', role: 'lead' },
        chinaTime('2026-09-29', '15:00'),
      ),
    );

    const fired = walk(b, dispatchedAt, chinaTime('2026-10-12', '09:00'));

    expect(summary(fired)).toEqual([
      // one working day after signing at 15:00 on the 29th: the 30th's afternoon ends it
      `first-contact-by@${chinaTime('2026-09-30', '17:30').toISOString()}`,
      // the yellow point: 2 of the 3 days used, 1–7 October off, so the 8th at noon
      `due-soon@${chinaTime('2026-10-08', '12:00').toISOString()}`,
      `overdue@${chinaTime('2026-10-09', '12:00').toISOString()}`,
    ]);
    expect(fired.every(({ timer }) => timer.unitId === 'housing')).toBe(true);
  });

  it('counts a make-up Saturday (10 October) as a working day', () => {
    const b = book();
    const at = chinaTime('2026-10-09', '10:00');
    b.apply(dispatched('c2', at, 1));
    const fired = walk(b, at, chinaTime('2026-10-12', '18:00'));
    expect(summary(fired)).toContain(`overdue@${chinaTime('2026-10-10', '12:00').toISOString()}`);
  });

  it('moves points not yet fired when the city declares a holiday later, and leaves fired ones alone', () => {
    const b = book();
    const at = chinaTime('2026-09-29', '10:00');
    b.apply(dispatched('c3', at, 3));
    // The sign-by point (30 September, noon) fires before the city's decision.
    const early = walk(b, at, chinaTime('2026-09-30', '13:00'));
    const noon30 = chinaTime('2026-09-30', '12:00').toISOString();
    expect(summary(early).sort()).toEqual([`return-by@${noon30}`, `sign-by@${noon30}`]);

    b.apply(
      recorded(
        'CalendarDayDeclared',
        { date: '2026-10-08', kind: 'holiday', name: '城市假日', settingsVersion: 1 },
        chinaTime('2026-09-30', '13:00'),
        'citySettings-city',
      ),
    );
    const later = walk(b, chinaTime('2026-09-30', '13:01'), chinaTime('2026-10-12', '18:00'));
    // 8 October off as well: the 3 working days end on the make-up Saturday, 10 October, at noon.
    expect(summary(later)).toEqual([
      `due-soon@${chinaTime('2026-10-09', '12:00').toISOString()}`,
      `overdue@${chinaTime('2026-10-10', '12:00').toISOString()}`,
    ]);
  });

  it('moves the deadline on an approved extension and fires the new one once', () => {
    const b = book();
    const at = chinaTime('2026-11-02', '09:00');
    b.apply(dispatched('c4', at, 2));
    b.apply(recorded('CaseSigned', { caseId: 'c4', unitId: 'housing', role: 'lead' }, at));
    const dueAt = chinaTime('2026-11-06', '17:30');
    b.apply(
      recorded(
        'CaseExtensionApproved',
        { caseId: 'c4', dueAt: dueAt.toISOString(), workingDays: 2 },
        chinaTime('2026-11-03', '09:00'),
      ),
    );
    const fired = walk(b, at, chinaTime('2026-11-09', '18:00'));
    expect(summary(fired).filter((s) => s.startsWith('overdue'))).toEqual([`overdue@${dueAt.toISOString()}`]);
  });

  it('cancels every point when the unit replies or the case completes, and restores them when the reply is sent back', () => {
    const b = book();
    const at = chinaTime('2026-11-02', '09:00');
    b.apply(dispatched('c5', at, 2));
    b.apply(recorded('CaseSigned', { caseId: 'c5', unitId: 'housing', role: 'lead' }, at));
    b.apply(recorded('CaseReplied', { caseId: 'c5', unitId: 'housing' }, chinaTime('2026-11-02', '10:00')));
    expect(walk(b, at, chinaTime('2026-11-05', '18:00'))).toEqual([]);
    b.apply(
      recorded('CaseReplySentBack', { caseId: 'c5', reason: '不完整' }, chinaTime('2026-11-05', '18:00')),
    );
    // Both points passed while the reply was under review: they fire at once.
    const resumed = chinaTime('2026-11-05', '18:01').toISOString();
    expect(
      summary(walk(b, chinaTime('2026-11-05', '18:01'), chinaTime('2026-11-05', '18:05'))).sort(),
    ).toEqual([`due-soon@${resumed}`, `overdue@${resumed}`]);
    b.apply(recorded('CaseCompleted', { caseId: 'c5' }, chinaTime('2026-11-06', '09:00')));
    expect(b.openCases).toBe(0);
  });

  it('starts the points again on a re-dispatch, and folds a fired point from the log as fired', () => {
    const b = book();
    const at = chinaTime('2026-11-02', '09:00');
    const first = dispatched('c6', at, 2);
    b.apply(first);
    b.apply(
      recorded(
        'CaseDeadlinePointReached',
        { caseId: 'c6', point: 'sign-by', key: `sign:${first.id}`, dueAt: '2026-11-03T04:00:00.000Z' },
        chinaTime('2026-11-03', '12:00'),
        'caseEscalation-c6',
      ),
    );
    const replay = walk(b, at, chinaTime('2026-11-03', '12:30'));
    const noon3 = chinaTime('2026-11-03', '12:00').toISOString();
    expect(summary(replay).sort()).toEqual([`due-soon@${noon3}`, `return-by@${noon3}`]);
    b.apply(dispatched('c6', chinaTime('2026-11-03', '14:00'), 2, 'water'));
    const again = walk(b, chinaTime('2026-11-03', '14:00'), chinaTime('2026-11-04', '14:00'));
    expect(again.map(({ timer }) => `${timer.point}:${timer.unitId}`).sort()).toEqual([
      'due-soon:water',
      'return-by:water',
      'sign-by:water',
    ]);
  });
});
