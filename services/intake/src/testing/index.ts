// The channel peers other packages' tests use (e2e/): the operator's SMSC and the city's mail relay.
export { startSmsc, type Smsc } from './smsc-test-peer';
export { startMailRelay, type MailRelay } from './mail-relay-test-peer';
