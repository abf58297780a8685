import { z } from 'zod';
import { defineCommand, defineEvent } from '../messages/define';
import { IsoDateTime, Note } from '../workflow/case.values';
import { CanonicalPhoneNumber, ChinesePhoneNumber } from '../workflow/citizen';
import { CALLER_BLOCK_CATEGORY, INTAKE_SERVICE } from './intake.values';

export const BlockCaller = defineCommand({
  type: 'BlockCaller',
  service: INTAKE_SERVICE,
  summary: 'Put an abusive number on the blocklist, with the reason and an optional expiry.',
  schema: z.object({ phone: ChinesePhoneNumber, reason: Note, expiresAt: IsoDateTime.optional() }),
});

export const UnblockCaller = defineCommand({
  type: 'UnblockCaller',
  service: INTAKE_SERVICE,
  summary: 'Take a number off the blocklist.',
  schema: z.object({ phone: ChinesePhoneNumber, note: Note.optional() }),
});

export const CallerBlocked = defineEvent({
  type: 'CallerBlocked',
  version: 1,
  category: CALLER_BLOCK_CATEGORY,
  summary: 'The number is on the blocklist until it expires or is unblocked.',
  schema: z.object({ phone: CanonicalPhoneNumber, reason: Note, expiresAt: IsoDateTime.optional() }),
});

export const CallerUnblocked = defineEvent({
  type: 'CallerUnblocked',
  version: 1,
  category: CALLER_BLOCK_CATEGORY,
  summary: 'The number was taken off the blocklist.',
  schema: z.object({ phone: CanonicalPhoneNumber, note: Note.optional() }),
});
