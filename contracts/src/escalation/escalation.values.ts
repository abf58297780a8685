import { z } from 'zod';
import { ClientId } from '../kernel/ids';
import { Note } from '../workflow/case.values';

/** The service that owns deadline timers, reminders (催办) and supervision (督办): the NATS subject token. */
export const ESCALATION_SERVICE = 'escalation';
/** One stream per case: the deadline points it reached and the repeat-ladder notices it caused. */
export const CASE_ESCALATION_CATEGORY = 'caseEscalation';
/** One stream per reminder (催办): who was chased, by which channels, with what outcome. */
export const REMINDER_CATEGORY = 'reminder';
/** One stream per supervision (督办): opened, answered by the unit, closed with a verdict. */
export const SUPERVISION_CATEGORY = 'supervision';

/**
 * The due points of a case a timer watches:
 * - `sign-by`: the holding unit has not signed (签收) in time;
 * - `return-by`: the unit's window to return the case (退单) closed;
 * - `sub-dispatch-by`: a district office kept the case past its 12-hour sub-dispatch window;
 * - `first-contact-by`: one working day after signing, no reply yet to show the citizen was reached;
 * - `due-soon`: the yellow point, a configured working time before the deadline;
 * - `overdue`: the red point, the deadline itself.
 */
export const DeadlinePoint = z.enum([
  'sign-by',
  'return-by',
  'sub-dispatch-by',
  'first-contact-by',
  'due-soon',
  'overdue',
]);
export type DeadlinePoint = z.infer<typeof DeadlinePoint>;

/** The channels a reminder goes out by: the unit portal's badge, SMS, email, a voice call. */
export const ReminderChannel = z.enum(['portal', 'sms', 'email', 'voice']);
export type ReminderChannel = z.infer<typeof ReminderChannel>;

export const ReminderId = ClientId;
export const SupervisionId = ClientId;

/** Why a supervision was opened (DOMAIN.md 6); the first five may open by themselves. */
export const SupervisionScope = z.enum([
  'buck-passing',
  'repeat-complaint',
  'overdue',
  'dissatisfied-callback',
  'leader-instruction',
  'media-exposure',
  'other',
]);
export type SupervisionScope = z.infer<typeof SupervisionScope>;

/** Who supervises: the hotline center (热线办) or the city government office (市政府办公厅). */
export const SupervisionLevel = z.enum(['center', 'city-government']);
export type SupervisionLevel = z.infer<typeof SupervisionLevel>;

export const SupervisionVerdict = z.enum(['rectified', 'not-rectified']);
export type SupervisionVerdict = z.infer<typeof SupervisionVerdict>;

/** The repeat ladder: 1st repeat → the unit's head, 2nd → its top leader, 3rd+ → the city government office. */
export const LadderRung = z.enum(['unit-head', 'unit-top-leader', 'city-government']);
export type LadderRung = z.infer<typeof LadderRung>;

export const ReminderNote = Note;
