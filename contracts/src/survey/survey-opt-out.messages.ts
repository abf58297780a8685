import { z } from 'zod';
import { defineCommand, defineEvent } from '../messages/define';
import { CanonicalPhoneNumber, ChinesePhoneNumber } from '../workflow/citizen';
import { SURVEY_OPT_OUT_CATEGORY, SURVEY_SERVICE } from './survey.values';

export const OptOutOfSurveys = defineCommand({
  type: 'OptOutOfSurveys',
  service: SURVEY_SERVICE,
  summary: 'A citizen asks not to be called back or surveyed again; their tasks are waived.',
  schema: z.object({ phone: ChinesePhoneNumber }),
});

export const OptBackIntoSurveys = defineCommand({
  type: 'OptBackIntoSurveys',
  service: SURVEY_SERVICE,
  summary: 'The citizen may be surveyed again.',
  schema: z.object({ phone: ChinesePhoneNumber }),
});

export const SurveysOptedOut = defineEvent({
  type: 'SurveysOptedOut',
  version: 1,
  category: SURVEY_OPT_OUT_CATEGORY,
  summary: 'The number is not to be called back or surveyed.',
  schema: z.object({ phone: CanonicalPhoneNumber }),
});

export const SurveysOptedBackIn = defineEvent({
  type: 'SurveysOptedBackIn',
  version: 1,
  category: SURVEY_OPT_OUT_CATEGORY,
  summary: 'The number may be surveyed again.',
  schema: z.object({ phone: CanonicalPhoneNumber }),
});

export const surveyOptOutCommands = [OptOutOfSurveys, OptBackIntoSurveys] as const;
export const surveyOptOutEvents = [SurveysOptedOut, SurveysOptedBackIn] as const;
