import type { CommandOf, EventOf } from '../messages/define';
import { callbackTaskCommands, AnswerCallbackSurvey } from './callback-task.commands';
import { callbackTaskEvents } from './callback-task.events';
import { postCallSurveyCommands, postCallSurveyEvents } from './post-call-survey.messages';
import { surveyOptOutCommands, surveyOptOutEvents } from './survey-opt-out.messages';
import { surveyQueries } from './survey.queries';

export type CallbackTaskCommand = CommandOf<(typeof callbackTaskCommands)[number]>;
export type CallbackTaskEvent = EventOf<(typeof callbackTaskEvents)[number]>;
export type SurveyOptOutCommand = CommandOf<(typeof surveyOptOutCommands)[number]>;
export type SurveyOptOutEvent = EventOf<(typeof surveyOptOutEvents)[number]>;
export type PostCallSurveyCommand = CommandOf<(typeof postCallSurveyCommands)[number]>;
export type PostCallSurveyEvent = EventOf<(typeof postCallSurveyEvents)[number]>;

/** Every survey message, registered in `platformRegistry()`. */
export const surveyDefinitions = [
  ...callbackTaskCommands,
  AnswerCallbackSurvey,
  ...callbackTaskEvents,
  ...surveyOptOutCommands,
  ...surveyOptOutEvents,
  ...postCallSurveyCommands,
  ...postCallSurveyEvents,
  ...surveyQueries,
] as const;
