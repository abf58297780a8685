import { z } from 'zod';
import { defineEvent } from '../messages/define';

/** The stream category of case number blocks (`caseNumberBlock-<block>`). */
export const CASE_NUMBER_BLOCK_CATEGORY = 'caseNumberBlock';

export const CaseNumberBlockClaimed = defineEvent({
  type: 'CaseNumberBlockClaimed',
  version: 1,
  category: CASE_NUMBER_BLOCK_CATEGORY,
  summary:
    'An allocator claimed a block of case number serials; it is the only event of its stream, so only one claimant can win.',
  schema: z.object({
    block: z.number().int().min(0),
    firstSerial: z.number().int().min(0),
    lastSerial: z.number().int().min(0),
    /** The process that claimed it, for operations (host and pid). */
    claimedBy: z.string().min(1).max(200),
  }),
});
