export { SipappModule, sipappService, createSipappService, type SipappModuleOptions } from './sipapp.module';
export { sipappConfigSchema, type SipappConfig } from './sipapp.config';
export { ivrFlowDecider } from './flows/ivr-flow.decider';
export { outboundCallDecider } from './outbound/outbound-call.decider';
export { TelephonyError } from './flows/ivr-flow.errors';
