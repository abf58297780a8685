import type { CommandOf, EventOf } from '../messages/define';
import { callbackTaskCommands, AnswerCallbackSurvey } from './callback-task.commands';
import { callbackTaskEvents } from './callback-task.events';
import { postCallSurveyCommands, postCallSurveyEvents } from './post-call-survey.messages';
import { surveyOptOutCommands, surveyOptOutEvents } from './survey-opt-out.messages';
import { surveyQueries } from './survey.queries';
import {
  pollFrameCommands,
  pollFrameEvents,
  pollInterviewCommands,
  pollInterviewEvents,
  pollRoundCommands,
  pollRoundEvents,
  pollVerificationCommands,
  pollVerificationEvents,
} from './poll.messages';
import { pollQueries } from './poll.queries';

export type CallbackTaskCommand = CommandOf<(typeof callbackTaskCommands)[number]>;
export type CallbackTaskEvent = EventOf<(typeof callbackTaskEvents)[number]>;
export type SurveyOptOutCommand = CommandOf<(typeof surveyOptOutCommands)[number]>;
export type SurveyOptOutEvent = EventOf<(typeof surveyOptOutEvents)[number]>;
export type PostCallSurveyCommand = CommandOf<(typeof postCallSurveyCommands)[number]>;
export type PostCallSurveyEvent = EventOf<(typeof postCallSurveyEvents)[number]>;
export type PollRoundCommand = CommandOf<(typeof pollRoundCommands)[number]>;
export type PollRoundEvent = EventOf<(typeof pollRoundEvents)[number]>;
export type PollFrameCommand = CommandOf<(typeof pollFrameCommands)[number]>;
export type PollFrameEvent = EventOf<(typeof pollFrameEvents)[number]>;
export type PollInterviewCommand = CommandOf<(typeof pollInterviewCommands)[number]>;
export type PollInterviewEvent = EventOf<(typeof pollInterviewEvents)[number]>;
export type PollVerificationCommand = CommandOf<(typeof pollVerificationCommands)[number]>;
export type PollVerificationEvent = EventOf<(typeof pollVerificationEvents)[number]>;

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
  ...pollRoundCommands,
  ...pollRoundEvents,
  ...pollFrameCommands,
  ...pollFrameEvents,
  ...pollInterviewCommands,
  ...pollInterviewEvents,
  ...pollVerificationCommands,
  ...pollVerificationEvents,
  ...pollQueries,
] as const;
