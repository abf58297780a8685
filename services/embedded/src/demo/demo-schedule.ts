import {
  SAMPLE_CATEGORIES,
  caseColour,
  handlingLimit,
  type CaseColour,
  type DeadlinePolicy,
  type WorkingCalendar,
} from '@hotline/contracts';
import type { DemoCase } from './demo-plan';
import type { DemoScenario, Milestone } from './demo-scenarios';

/** What units and the center do; they work office hours (a district's duty office signs at any hour). */
const OFFICE_MILESTONES: ReadonlySet<Milestone> = new Set<Milestone>([
  'sign',
  'return',
  'redispatch',
  'extension-request',
  'extension-approve',
  'extension-reject',
  'reply',
  'send-back',
  'accept',
  'callback-satisfied',
  'callback-dissatisfied',
  'redo',
  'close',
  'close-anonymous',
]);

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY_HOURS = 24;

/** How far back a scenario's cases start, in hours: a case waits for dispatch for hours, not weeks. */
const WINDOW_HOURS: Partial<Record<DemoScenario, number>> = {
  registered: 6,
  dispatched: 30,
  returned: 48,
  'extension-requested': 5 * DAY_HOURS,
  replied: 5 * DAY_HOURS,
  'sent-back': 6 * DAY_HOURS,
  completed: 3 * DAY_HOURS,
};
const MONTH_HOURS = 30 * DAY_HOURS;

/** The colour an in-progress scenario is planned to show now. */
const TARGET_COLOUR: Partial<Record<DemoScenario, CaseColour>> = {
  'in-progress': 'green',
  'in-progress-yellow': 'yellow',
  'in-progress-red': 'red',
};

export interface ScheduleContext {
  now: Date;
  calendar: WorkingCalendar;
  policy: DeadlinePolicy;
}

/**
 * The business time of each milestone of a case, all before `now`. Cases meant to show a colour
 * are placed so that the deadline the workflow computes at dispatch (the same policy and calendar)
 * gives that colour now: a deadline a working day away is yellow, a passed one red.
 */
export function scheduleCase(demo: DemoCase, context: ScheduleContext, masterStart?: Date): Date[] {
  return inOfficeHours(demo, context, placeCase(demo, context, masterStart));
}

function placeCase(demo: DemoCase, context: ScheduleContext, masterStart?: Date): Date[] {
  const total = demo.gaps.reduce((sum, gap) => sum + gap, 0);
  const target = TARGET_COLOUR[demo.scenario];
  if (target) return placeForColour(demo, context, target);
  if (masterStart) {
    const start = Math.min(
      masterStart.getTime() + (2 + demo.age * 20) * HOUR,
      context.now.getTime() - total * HOUR - 0.1 * HOUR,
    );
    return times(new Date(start), demo.gaps);
  }
  const window = Math.max(WINDOW_HOURS[demo.scenario] ?? MONTH_HOURS, total + 1);
  const ago = total + 0.2 + demo.age * (window - total - 0.2);
  return times(new Date(context.now.getTime() - ago * HOUR), demo.gaps);
}

/**
 * Citizens call at any hour and agents register and dispatch round the clock, but units and the
 * center act in office hours: their milestones move to the next working moment (a few minutes
 * into it). When that would pass `now`, the case keeps its times.
 */
function inOfficeHours(demo: DemoCase, context: ScheduleContext, placed: Date[]): Date[] {
  const { calendar, now } = context;
  let previous = 0;
  const moved = placed.map((at, index) => {
    const milestone = demo.path[index] as Milestone;
    let ms = Math.max(at.getTime(), previous + MINUTE);
    if (OFFICE_MILESTONES.has(milestone) && !calendar.isWorkingTime(new Date(ms))) {
      ms =
        calendar.nextWorkingMoment(new Date(ms)).getTime() + (5 + ((demo.n * 7 + index * 13) % 50)) * MINUTE;
    }
    previous = ms;
    return new Date(ms);
  });
  return previous < now.getTime() - MINUTE ? moved : placed;
}

const times = (start: Date, gaps: readonly number[]): Date[] => {
  let at = start.getTime();
  return gaps.map((gap) => new Date((at += gap * HOUR)));
};

function placeForColour(demo: DemoCase, context: ScheduleContext, target: CaseColour): Date[] {
  const { now, calendar, policy } = context;
  const dispatchIndex = demo.path.indexOf('dispatch');
  const category = SAMPLE_CATEGORIES.find((c) => c.code === demo.matter.categoryCode);
  const limit = handlingLimit(policy, {
    type: demo.type,
    urgency: 'normal',
    simple: false,
    convenienceList: category?.convenienceList ?? false,
  });
  const colourIfDispatched = (hoursAgo: number): CaseColour =>
    caseColour(policy, calendar, {
      now,
      dueAt: calendar.addWorkingDays(new Date(now.getTime() - hoursAgo * HOUR), limit),
    });
  // Red cases are days late; green ones recent; the first yellow hour is a working day from the deadline.
  const from =
    target === 'red' ? (limit + 4 + demo.age * 10) * DAY_HOURS : target === 'green' ? 2 + demo.age * 20 : 2;
  let hoursAgo = from;
  while (colourIfDispatched(hoursAgo) !== target && hoursAgo < MONTH_HOURS)
    hoursAgo += target === 'green' ? -0.5 : 1;
  if (target === 'green' && hoursAgo < 1) hoursAgo = 1;
  const dispatchAt = now.getTime() - hoursAgo * HOUR;
  const before = demo.gaps.slice(0, dispatchIndex + 1).reduce((sum, gap) => sum + gap, 0);
  const after = demo.gaps.slice(dispatchIndex + 1);
  // What follows the dispatch happens before now, squeezed when the dispatch was recent.
  const room =
    (hoursAgo - 0.1) /
    Math.max(
      after.reduce((sum, gap) => sum + gap, 0),
      0.001,
    );
  const squeeze = Math.min(1, room);
  return times(new Date(dispatchAt - before * HOUR), [
    ...demo.gaps.slice(0, dispatchIndex + 1),
    ...after.map((gap) => gap * squeeze),
  ]);
}
