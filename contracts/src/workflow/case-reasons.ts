import { z } from 'zod';

/** 不予受理 reasons (DOMAIN.md, intake). Emergencies are referred at once to the number in the code. */
export const NotAcceptedReason = z.enum([
  'secrets-or-privacy', // state or commercial secrets, personal privacy
  'other-authority', // people's congress, CPPCC, discipline inspection, courts, procuratorate, military
  'in-legal-proceedings', // litigation, arbitration, administrative review, petition
  'already-being-handled',
  'already-concluded', // concluded, and repeated with the same facts
  'emergency-110', // police
  'emergency-119', // fire
  'emergency-120', // ambulance
  'emergency-122', // traffic accident
  'outside-jurisdiction',
]);
export type NotAcceptedReason = z.infer<typeof NotAcceptedReason>;

/** Why a unit returns a case (退单); the explanation and the basis come with it. */
export const ReturnReason = z.enum([
  'not-responsible', // another unit's duty under the catalogue or a regulation
  'outside-jurisdiction', // the place is outside the unit's area
  'wrong-level', // belongs to a higher or lower level of government
  'insufficient-information', // cannot be acted on as recorded
  'legal-channel-required', // must go through litigation, arbitration or review
  'other',
]);
export type ReturnReason = z.infer<typeof ReturnReason>;

/** Why a case goes to the fallback unit (兜底单位). */
export const FallbackReason = z.enum(['repeated-returns', 'no-catalogue-match']);
export type FallbackReason = z.infer<typeof FallbackReason>;

export const Rating = z.enum(['satisfied', 'basically-satisfied', 'dissatisfied']);
export type Rating = z.infer<typeof Rating>;

/** The citizen's ratings at callback (回访), on three dimensions. */
export const CallbackRatings = z.object({ efficiency: Rating, attitude: Rating, result: Rating });
export type CallbackRatings = z.infer<typeof CallbackRatings>;

/** Why a case closes without a callback. */
export const CallbackWaiver = z.enum(['anonymous', 'citizen-declined']);
export type CallbackWaiver = z.infer<typeof CallbackWaiver>;
