import { z } from 'zod';
import { CaseId, IsoDateTime, Note, UnitId, WorkingDays } from '../case.values';

/**
 * A unit's place in a dispatch: it signs by `signBy` and may return the case until `returnBy`. A
 * district office also gets `subDispatchBy`: until then it may pass the case on to its sub-units.
 */
export const UnitAssignment = z.object({
  unitId: UnitId,
  signBy: IsoDateTime,
  returnBy: IsoDateTime,
  subDispatchBy: IsoDateTime.optional(),
});
export type UnitAssignment = z.infer<typeof UnitAssignment>;

export const CoHandlerAssignment = UnitAssignment.extend({ dueAt: IsoDateTime });
export type CoHandlerAssignment = z.infer<typeof CoHandlerAssignment>;

/** What every dispatch sets: the units and the deadlines computed on the working calendar. */
export const DispatchPlan = z.object({
  caseId: CaseId,
  lead: UnitAssignment,
  coHandlers: z.array(CoHandlerAssignment).max(10),
  dueAt: IsoDateTime,
  /** The handling limit the deadline was computed from; extensions never add more than this. */
  limitWorkingDays: WorkingDays,
  note: Note.optional(),
});
export type DispatchPlan = z.infer<typeof DispatchPlan>;

/** Whether the unit acting was the lead (主办) or a co-handler (协办). */
export const ParticipantRole = z.enum(['lead', 'co-handler']);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

/** Working days an extension adds: any positive amount, as the requested date may fall mid half-day. */
export const ExtensionDays = z.number().positive().max(365);
