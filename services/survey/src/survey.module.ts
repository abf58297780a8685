import { type DynamicModule, Module } from '@nestjs/common';
import { CaseChannel, CaseType, chinaWorkingCalendar, type WorkingCalendar } from '@hotline/contracts';
import { BusRequests, busEndpoints } from '@hotline/infra/bus';
import type { CommandHandlerDeps } from '@hotline/infra/command';
import { loadConfig, type Env } from '@hotline/infra/config';
import { reactorProvider } from '@hotline/infra/reactor';
import type { Platform, ServiceDefinition } from '@hotline/infra/platform';
import { commandMetrics } from '@hotline/infra/telemetry';
import { CallbackDueRunner } from './callback-task/callback-due.runner';
import { CallbackSmsSender } from './callback-task/callback-sms.sender';
import { callbackOutcomes } from './callback-task/callback-outcome.reactor';
import type { CallbackRules } from './callback-task/callback-rules';
import { callbackScheduler } from './callback-task/callback-scheduler.reactor';
import { CallbackTaskCommands } from './callback-task/callback-task-commands';
import { callbackTaskEndpoints } from './callback-task/callback-task.endpoints';
import { SurveyLinkSigner } from './callback-task/survey-link';
import { WorkflowCommands } from './callback-task/workflow-commands';
import { ivrSurvey } from './callback-task/ivr-survey.reactor';
import { PollCommands } from './polls/poll-commands';
import { pollIvrCalls } from './polls/poll-ivr-calls.reactor';
import { PollIvrRunner } from './polls/poll-ivr.runner';
import { pollEndpoints } from './polls/poll.endpoints';
import { PollQueries } from './polls/poll-queries';
import { SurveyQueries } from './read-models/survey-queries';
import { SurveyReadModels } from './read-models/survey-read-models';
import { parseMethodTable, parseShareTable, surveyConfigSchema, type SurveyConfig } from './survey.config';
import { surveyEndpoints } from './survey.endpoints';
import { SurveyLifecycle } from './survey-lifecycle';

export interface SurveyModuleOptions {
  config?: SurveyConfig;
  env?: Env;
  /** Default: China's official calendar. */
  calendar?: WorkingCalendar;
}

/** The rules a validated config describes. */
export function callbackRulesFromConfig(config: SurveyConfig, calendar: WorkingCalendar): CallbackRules {
  return {
    byType: parseMethodTable(config.SURVEY_METHOD_BY_TYPE, CaseType.options).table,
    byChannel: parseMethodTable(config.SURVEY_METHOD_BY_CHANNEL, CaseChannel.options).table,
    fallback: 'desk',
    maxAttempts: config.SURVEY_MAX_ATTEMPTS,
    retryAfterMinutes: config.SURVEY_RETRY_MINUTES,
    linkValidHours: config.SURVEY_LINK_VALID_HOURS,
    sms: {
      maxTries: config.SURVEY_SMS_MAX_TRIES,
      retryMinutes: config.SURVEY_SMS_RETRY_MINUTES,
      fallback: config.SURVEY_SMS_FALLBACK,
    },
    calendar,
  };
}

/** Callbacks (回访), audits, post-call surveys: commands and queries on the bus, reactors, read models. */
@Module({})
export class SurveyModule {
  static register(platform: Platform, options: SurveyModuleOptions = {}): DynamicModule {
    const config = options.config ?? loadConfig(surveyConfigSchema, options.env, 'survey');
    const { eventStore: store, readStore, clock, logger, metrics } = platform;
    const calendar = options.calendar ?? chinaWorkingCalendar();
    const rules = callbackRulesFromConfig(config, calendar);
    const signer = new SurveyLinkSigner(config.SURVEY_LINK_SECRET);
    const commandDeps: CommandHandlerDeps = { store, clock, logger, metrics: commandMetrics(metrics) };
    const commands = new CallbackTaskCommands({ commandDeps, rules, signer });
    const readModels = new SurveyReadModels({
      store: readStore,
      source: () => platform.projectionSource(),
      registry: metrics,
      logger,
      readAfterWriteTimeoutMs: platform.config.HOTLINE_REQUEST_TIMEOUT_MS,
    });
    const queries = new SurveyQueries(readModels);
    const polls = new PollCommands({
      commandDeps,
      calendar,
      readModels,
      ivrRetryMinutes: config.SURVEY_POLL_IVR_RETRY_MINUTES,
    });
    const audit = {
      seed: config.SURVEY_AUDIT_SEED,
      byUnit: parseShareTable(config.SURVEY_AUDIT_SHARE_BY_UNIT).table,
      fallback: config.SURVEY_AUDIT_SHARE,
    };
    const requests = new BusRequests(platform.client());
    const workflow = new WorkflowCommands(requests);
    const dueRunner = config.SURVEY_DUE_RUNNER
      ? new CallbackDueRunner(
          readStore,
          commands,
          clock,
          new CallbackSmsSender({
            store,
            requests,
            tasks: commands,
            signer,
            linkBaseUrl: config.SURVEY_LINK_BASE_URL,
            logger,
          }),
          logger,
          config.SURVEY_DUE_POLL_SECONDS * 1000,
        )
      : undefined;
    const pollRobot = config.SURVEY_POLL_IVR_RUNNER
      ? new PollIvrRunner({
          readStore,
          eventStore: store,
          polls,
          requests,
          clock,
          logger,
          pollMs: config.SURVEY_POLL_IVR_POLL_SECONDS * 1000,
          maxCalls: config.SURVEY_POLL_IVR_MAX_CALLS,
        })
      : undefined;
    return {
      module: SurveyModule,
      controllers: [
        busEndpoints('Survey', [
          ...callbackTaskEndpoints({ commands, queries, signer, store, clock }),
          ...surveyEndpoints({ commandDeps, queries }),
          ...pollEndpoints({ commands: polls, queries: new PollQueries(readModels) }),
        ]),
      ],
      providers: [
        {
          provide: SurveyLifecycle,
          useValue: new SurveyLifecycle(readModels, platform.readiness, dueRunner, pollRobot),
        },
        reactorProvider(platform.eventBus, callbackScheduler(store, commands, audit), logger),
        reactorProvider(platform.eventBus, callbackOutcomes(store, workflow), logger),
        reactorProvider(platform.eventBus, ivrSurvey(store, requests, commands), logger),
        reactorProvider(platform.eventBus, pollIvrCalls(polls), logger),
      ],
    };
  }
}

/** The survey service with these options (tests). */
export const createSurveyService = (options: SurveyModuleOptions = {}): ServiceDefinition => ({
  name: 'survey',
  module: (platform) => SurveyModule.register(platform, options),
});

/** The survey service as the embedded runner and its own process mount it: settings from the environment. */
export const surveyService: ServiceDefinition = createSurveyService();
