import { z } from 'zod';
import { defineEvent } from '../messages/define';
import { CaseContent, CaseType, CategoryCode, IsoDateTime, UnitId } from '../workflow/case.values';
import { HISTORICAL_CASE_CATEGORY } from './intake.values';

export const HistoricalCaseImported = defineEvent({
  type: 'HistoricalCaseImported',
  version: 1,
  category: HISTORICAL_CASE_CATEGORY,
  summary:
    "A case of the city's previous system, imported from its export (CSV or xlsx): the classifier's first training data.",
  schema: z.object({
    /** The case number in the previous system (the stream is `historicalCase-<sourceId>`). */
    sourceId: z.string().min(1).max(60),
    registeredAt: IsoDateTime,
    content: CaseContent,
    type: CaseType,
    categoryCode: CategoryCode.optional(),
    /** The unit that completed it, as this platform names units. */
    unitId: UnitId.optional(),
    /** The file it came from, and its line. */
    importedFrom: z.object({ file: z.string().min(1).max(200), line: z.number().int().positive() }),
  }),
});

export const historicalCaseEvents = [HistoricalCaseImported] as const;
