import { z } from 'zod';
import { defineQuery } from '../../messages/define';
import { WORKFLOW_SERVICE } from '../case.values';

export const LookUpCaseForCitizen = defineQuery({
  type: 'LookUpCaseForCitizen',
  service: WORKFLOW_SERVICE,
  summary:
    "A citizen's own view of a case (IVR, portal): with the case number and the last four digits of the phone number, the status and the public reply; never internal notes or anyone else's data.",
  schema: z.object({
    caseNumber: z.string().regex(/^\d{8,16}$/, 'must be 8 to 16 digits'),
    phoneLast4: z.string().regex(/^\d{4}$/, 'must be the last four digits of the phone number'),
  }),
});
