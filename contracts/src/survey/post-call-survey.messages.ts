import { z } from 'zod';
import { ClientId } from '../kernel/ids';
import { defineCommand, defineEvent } from '../messages/define';
import { CaseId } from '../workflow/case.values';
import { POST_CALL_SURVEY_CATEGORY, PostCallScore, SURVEY_SERVICE } from './survey.values';

/** The call the survey followed (the sipapp's call id) and who served it. */
const PostCallSurvey = z.object({
  callId: ClientId,
  agentId: ClientId,
  caseId: CaseId.optional(),
  /** 1 satisfied, 2 basically satisfied, 3 dissatisfied. */
  score: PostCallScore,
});

export const RecordPostCallSurvey = defineCommand({
  type: 'RecordPostCallSurvey',
  service: SURVEY_SERVICE,
  summary:
    "The caller's key in the post-call survey after an agent's call (1/2/3); one answer per call, a repeat changes nothing.",
  schema: PostCallSurvey,
});

export const PostCallSurveyRecorded = defineEvent({
  type: 'PostCallSurveyRecorded',
  version: 1,
  category: POST_CALL_SURVEY_CATEGORY,
  summary:
    'The caller rated the agent after the call (post-call DTMF survey), linked to call, agent and case.',
  schema: PostCallSurvey,
});

export const postCallSurveyCommands = [RecordPostCallSurvey] as const;
export const postCallSurveyEvents = [PostCallSurveyRecorded] as const;
