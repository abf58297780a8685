import { join } from 'node:path';
import { type DynamicModule, Module } from '@nestjs/common';
import type { CommandHandlerDeps } from '@hotline/infra/command';
import { loadConfig, type Env } from '@hotline/infra/config';
import type { Platform, ServiceDefinition } from '@hotline/infra/platform';
import { busEndpoints } from '@hotline/infra/bus';
import { commandMetrics } from '@hotline/infra/telemetry';
import { FloodGuard } from './blocklist/flood-guard';
import { BusCaseDesk } from './case-desk/bus-case-desk';
import type { CaseDesk } from './case-desk/case-desk.port';
import { ChannelIntake } from './channels/channel-intake';
import { FileAttachmentStore } from '@hotline/infra/attachments';
import { IntakeChannels } from './channels/intake-channels';
import type { ContentClassifier } from './classification/content-classifier.port';
import { classifierEndpoints } from './classification/classifier.endpoints';
import { setUpClassification } from './classification/classification-setup';
import { ContactActionsService } from './contact/contact-actions.service';
import { ContactAssessor } from './contact/contact-assessor';
import { ContactIntakeService } from './contact/contact-intake.service';
import { ContactStreams } from './contact/contact-streams';
import { CaseFingerprintIndex } from './duplicates/case-fingerprint-index';
import { DuplicateFinder } from './duplicates/duplicate-finder';
import { DuplicatePolicy } from './duplicates/duplicate-policy';
import { intakeConfigSchema, type IntakeConfig } from './intake.config';
import { IntakeLifecycle } from './intake-lifecycle';
import { IntakeMetrics } from './intake-metrics';
import { KnowledgeIndexFollower } from './knowledge/knowledge-index-follower';
import { CaseNoticeManager } from './notices/case-notice-manager';
import { CaseNoticeService } from './notices/case-notice.service';
import { SEED_ARTICLES } from './knowledge/seed/seed-articles';
import { ContactQueriesService } from './contact/contact-queries.service';
import { suggestionAccuracyEndpoints } from './suggestion-accuracy/suggestion-accuracy.endpoints';
import { SuggestionAccuracyService } from './suggestion-accuracy/suggestion-accuracy.service';
import { BlocklistReader } from './blocklist/blocklist-reader';
import { IntakeReadModels } from './read-models/intake-read-models';
import { MinHasher } from './text/min-hash';
import { blocklistEndpoints } from './blocklist/blocklist.endpoints';
import { classificationEndpoints } from './classification/classification.endpoints';
import { contactEndpoints } from './contact/contact.endpoints';
import { chatEndpoints } from './chat/chat.endpoints';
import { duplicatesEndpoints } from './duplicates/duplicates.endpoints';
import { knowledgeEndpoints } from './knowledge/knowledge.endpoints';
import { relayMailSender } from './staff-notices/mail-sender';
import { staffNoticeEndpoints } from './staff-notices/staff-notice.endpoints';
import { StaffNoticeService } from './staff-notices/staff-notice.service';
import { surveySmsEndpoints } from './survey-sms/survey-sms.endpoints';
import { SurveySmsService } from './survey-sms/survey-sms.service';

export interface IntakeModuleOptions {
  /** The settings; default: read from `env` (the process environment). */
  config?: IntakeConfig;
  env?: Env;
  /** The workflow as intake sees it; default: the workflow service over the bus. */
  caseDesk?: CaseDesk;
  /** Default: the learned classifier (or the rules, with INTAKE_CLASSIFIER=rules) on the configured dictionary. */
  classifier?: ContentClassifier;
}

/** Intake: contacts from every channel, classification, duplicates, caller history, blocklist, knowledge base. */
@Module({})
export class IntakeModule {
  static register(platform: Platform, options: IntakeModuleOptions = {}): DynamicModule {
    const config = options.config ?? loadConfig(intakeConfigSchema, options.env, 'intake');
    const { eventStore: store, readStore, clock, logger, metrics: registry } = platform;
    const timeoutMs = platform.config.HOTLINE_REQUEST_TIMEOUT_MS;
    const hasher = new MinHasher();
    const fingerprints = new CaseFingerprintIndex(hasher);
    const policy = DuplicatePolicy.parse({
      suggestScore: config.INTAKE_DUPLICATE_SUGGEST_SCORE,
      autoMergeScore: config.INTAKE_DUPLICATE_AUTO_MERGE_SCORE,
      sameCallerWindowDays: config.INTAKE_DUPLICATE_WINDOW_DAYS,
    });
    const blocklist = new BlocklistReader(readStore);
    const commandDeps: CommandHandlerDeps = { store, clock, logger, metrics: commandMetrics(registry) };
    const classification = setUpClassification(platform, config, commandDeps, options.classifier);
    const { classifier } = classification;
    const readModels = new IntakeReadModels({
      blocklist,
      store: readStore,
      source: () => platform.projectionSource(),
      fingerprints,
      fingerprintsSince: () =>
        new Date(clock.now().getTime() - policy.sameCallerWindowDays * 86_400_000).toISOString(),
      categories: classification.categories,
      registry,
      logger,
      readAfterWriteTimeoutMs: timeoutMs,
    });
    const duplicates = new DuplicateFinder(fingerprints, hasher, policy);
    const streams = new ContactStreams(commandDeps);
    const intakeMetrics = new IntakeMetrics(registry);
    const caseDesk = options.caseDesk ?? new BusCaseDesk(platform.client());
    const intake = new ContactIntakeService({
      clock,
      streams,
      assessor: new ContactAssessor(classifier, duplicates),
      blocklist,
      flood: new FloodGuard({
        maxPerWindow: config.INTAKE_FLOOD_MAX_PER_WINDOW,
        windowMs: config.INTAKE_FLOOD_WINDOW_SECONDS * 1000,
      }),
      caseDesk,
      rules: {
        autoRegister: config.INTAKE_AUTO_REGISTER,
        get autoRegisterConfidence() {
          return classification.autoRegisterConfidence();
        },
        autoMergeScore: policy.autoMergeScore,
      },
      metrics: intakeMetrics,
      logger,
    });
    const knowledge = new KnowledgeIndexFollower({
      store: readStore,
      source: platform.projectionSource(),
      logger,
      readAfterWriteTimeoutMs: timeoutMs,
      registry,
    });
    const quiet = {
      fromHour: config.INTAKE_NOTICE_QUIET_FROM_HOUR,
      toHour: config.INTAKE_NOTICE_QUIET_TO_HOUR,
    };
    const noticeService = new CaseNoticeService({ commandDeps, quiet, logger });
    const notices = config.INTAKE_SMS_NOTICES
      ? new CaseNoticeManager(noticeService, platform.eventBus, commandDeps, logger, {
          store: readStore,
          source: platform.projectionSource(),
          registry,
        })
      : undefined;
    const channels = new IntakeChannels(
      config,
      new ChannelIntake(intake, streams, config.INTAKE_DISTRICT, intakeMetrics, logger),
      new FileAttachmentStore(
        config.INTAKE_ATTACHMENTS_DIR ?? join(platform.config.HOTLINE_DATA_DIR, 'attachments'),
      ),
      clock,
      notices ? { onOptOut: (phone) => notices.optOut(phone) } : {},
    );
    const lifecycle = new IntakeLifecycle({
      readModels,
      knowledge,
      classification,
      channels,
      ...(notices ? { notices } : {}),
      readiness: platform.readiness,
      commandDeps,
      seedArticles: config.INTAKE_SEED_KNOWLEDGE ? SEED_ARTICLES : [],
      logger,
    });
    const queries = new ContactQueriesService(readModels, blocklist, clock);
    const actions = new ContactActionsService(
      streams,
      caseDesk,
      (id) => Promise.resolve(fingerprints.caseNumberOf(id)),
      () => clock.now(),
      (id) => queries.districtOf(id),
    );
    const suggestionAccuracy = new SuggestionAccuracyService(readModels);
    const staffNotices = new StaffNoticeService(commandDeps, {
      sms: () => channels.smsSender,
      mail: config.INTAKE_MAIL_RELAY_URL
        ? relayMailSender(config.INTAKE_MAIL_RELAY_URL, config.INTAKE_MAIL_FROM)
        : undefined,
    });
    const surveySms = new SurveySmsService({ commandDeps, quiet, sms: () => channels.smsSender });
    return {
      module: IntakeModule,
      controllers: [
        busEndpoints('Intake', [
          ...contactEndpoints({ intake, actions, queries }),
          ...chatEndpoints(streams),
          ...knowledgeEndpoints({ commandDeps, index: knowledge }),
          ...blocklistEndpoints({ commandDeps, queries }),
          ...classificationEndpoints(classifier),
          ...(classification.trainer
            ? classifierEndpoints({ commandDeps, trainer: classification.trainer })
            : []),
          ...duplicatesEndpoints(duplicates, clock),
          ...suggestionAccuracyEndpoints(suggestionAccuracy),
          ...staffNoticeEndpoints(staffNotices),
          ...surveySmsEndpoints(surveySms),
        ]),
      ],
      providers: [
        { provide: IntakeReadModels, useValue: readModels },
        { provide: IntakeChannels, useValue: channels },
        { provide: CaseNoticeService, useValue: noticeService },
        { provide: IntakeLifecycle, useValue: lifecycle },
      ],
      exports: [IntakeChannels, IntakeReadModels],
    };
  }
}

/** The intake service with these options (tests, the benchmark): settings, a workflow stand-in, a classifier. */
export const createIntakeService = (options: IntakeModuleOptions = {}): ServiceDefinition => ({
  name: 'intake',
  module: (platform) => IntakeModule.register(platform, options),
});

/** The intake service as the embedded runner and its own process mount it: settings from the environment. */
export const intakeService: ServiceDefinition = createIntakeService();
