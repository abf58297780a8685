export { SipappModule, sipappService, createSipappService, type SipappModuleOptions } from './sipapp.module';
export { sipappConfigSchema, type SipappConfig } from './sipapp.config';
export { ivrFlowDecider } from './flows/ivr-flow.decider';
export { outboundCallDecider } from './outbound/outbound-call.decider';
export { TelephonyError } from './flows/ivr-flow.errors';
export { speak } from './media/prompt-files';
export { BusIvrServices, type BusIvrServicesDeps } from './calls/bus-ivr-services';
export { IvrCallRunner, type IvrCallRunnerDeps } from './calls/ivr-call-runner';
export { publishedFlow, liveAnnouncementText, type PublishedFlow } from './flows/telephony.endpoints';
