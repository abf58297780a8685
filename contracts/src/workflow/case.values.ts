import { z } from 'zod';
import { freeText } from '../messages/personal-data';
import { ClientId } from '../kernel/ids';

/** The stream category of cases (`case-<caseId>`) and the service that owns their commands. */
export const CASE_CATEGORY = 'case';
export const WORKFLOW_SERVICE = 'workflow';

export const CaseId = ClientId;
export const UnitId = ClientId;

/** An instant as ISO 8601 with an offset (`Z` or `+08:00`). */
export const IsoDateTime = z.iso.datetime({ offset: true });

export const WorkingDays = z
  .number()
  .min(0)
  .max(365)
  .refine((v) => Number.isInteger(v * 2), 'must be a multiple of 0.5');

export const CaseType = z.enum(['consult', 'complaint', 'report', 'suggestion', 'help', 'praise']);
export type CaseType = z.infer<typeof CaseType>;

export const CaseChannel = z.enum([
  'phone',
  'voicemail',
  'web',
  'sms',
  'email',
  'wechat',
  'app',
  'mayor-mailbox',
  'open311',
  'district-platform',
]);
export type CaseChannel = z.infer<typeof CaseChannel>;

export const Urgency = z.enum(['normal', 'urgent']);
export type Urgency = z.infer<typeof Urgency>;

export const CaseStatus = z.enum([
  'registered', // awaiting dispatch
  'dispatched', // with the lead unit, not signed yet
  'returned', // the lead unit sent it back to the center
  'signed', // the lead unit is handling it
  'replied', // the lead unit replied; the center reviews
  'completed', // 办结: reply accepted; callback pending
  'closed',
  'declined', // 不予受理
  'merged', // a duplicate folded into a master case
]);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const MAX_CONTENT_LENGTH = 4000;
/** Free text: citizens dictate phone and ID numbers into it, masked on the integration stream. */
export const CaseContent = freeText(z.string().trim().min(1).max(MAX_CONTENT_LENGTH));
export const Note = freeText(z.string().trim().min(1).max(2000));

export const MAX_ATTACHMENTS = 20;
export const MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024;
export const MAX_ATTACHMENTS_TOTAL_BYTES = 500 * 1024 * 1024;

/** A reference to a file already in the attachment store; cases never carry file bodies. */
export const AttachmentRef = z.object({
  id: ClientId,
  name: z.string().trim().min(1).max(255),
  mediaType: z
    .string()
    .regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'must be a media type such as image/jpeg')
    .max(127),
  sizeBytes: z.number().int().positive().max(MAX_ATTACHMENT_BYTES),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

export const Attachments = z
  .array(AttachmentRef)
  .max(MAX_ATTACHMENTS)
  .refine(
    (list) => list.reduce((sum, a) => sum + a.sizeBytes, 0) <= MAX_ATTACHMENTS_TOTAL_BYTES,
    `must total at most ${MAX_ATTACHMENTS_TOTAL_BYTES} bytes`,
  );

/** Where the matter is. Coordinates (WGS-84) are bounded to China so swapped lat/lng are caught. */
export const Place = z
  .object({
    address: z.string().trim().min(1).max(500),
    lat: z.number().min(3).max(54).optional(),
    lng: z.number().min(73).max(136).optional(),
  })
  .refine((p) => (p.lat === undefined) === (p.lng === undefined), 'lat and lng go together');
export type Place = z.infer<typeof Place>;

/** Category codes of the 3-level taxonomy: `AA0000`, `AABB00`, `AABBCC`. */
export const CategoryCode = z.string().regex(/^\d{6}$/, 'must be a 6-digit category code');
