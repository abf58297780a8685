import { z } from 'zod';
import { CaseType, CategoryCode, EmergencyService, NotAcceptedReason } from '@hotline/contracts';

const Phrase = z.string().trim().min(1).max(40);
const Pattern = z
  .string()
  .min(1)
  .max(200)
  .refine((source) => {
    try {
      new RegExp(source, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'must be a valid regular expression');

/**
 * One rule of the dictionary: it fires on any keyword or pattern, unless a suppressor stands
 * within a few characters of the match ("上次着火" is no fire now). Weight scales its score.
 */
export const SignalRule = z.object({
  keywords: z.array(Phrase).max(200).default([]),
  patterns: z.array(Pattern).max(50).default([]),
  suppressors: z.array(Phrase).max(100).default([]),
  weight: z.number().positive().max(10).default(1),
  /** The city's word over the learned model: when this rule fires, what it suggests wins. */
  override: z.boolean().default(false),
});
export type SignalRule = z.infer<typeof SignalRule>;

/**
 * A city's classification dictionary: plain data, edited by the hotline's knowledge staff and
 * loaded at start (INTAKE_DICTIONARY_PATH). Category codes must be leaves of the city's taxonomy.
 */
export const CityDictionary = z.object({
  city: z.string().trim().min(1).max(100),
  version: z.string().trim().min(1).max(40),
  types: z.array(SignalRule.extend({ type: CaseType })).min(1),
  /** The type suggested when no type rule fires. */
  defaultType: CaseType,
  categories: z.array(SignalRule.extend({ code: CategoryCode })).min(1),
  emergencies: z.array(SignalRule.extend({ service: EmergencyService })),
  notAccepted: z.array(SignalRule.extend({ reason: NotAcceptedReason })),
  /** Place names of the city (inside) and of elsewhere (outside), for the jurisdiction rule. */
  jurisdiction: z.object({ inside: z.array(Phrase).max(500), outside: z.array(Phrase).max(2000) }),
  thresholds: z.object({
    /** Least category score for a suggestion. */
    category: z.number().positive().default(1),
    /** Least confidence for the platform to register a case without an agent. */
    autoRegister: z.number().min(0).max(1).default(0.6),
  }),
});
export type CityDictionary = z.infer<typeof CityDictionary>;
export type CityDictionaryInput = z.input<typeof CityDictionary>;
