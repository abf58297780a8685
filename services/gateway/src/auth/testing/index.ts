export { signIn, signInAs, type SessionHeaders } from './test-session';
export { DEMO_PASSWORD, DEMO_ACCOUNTS } from '../account/account-seed';
