// What tests outside the gateway (the platform-wide end-to-end tests in e2e/) use of it.
export * from '../auth/testing';
export { TestIdentityProvider } from '../auth/testing/test-identity-provider';
export { USER_OF_ROLE, pathOf } from '../auth/testing/route-walk';
export {
  malformedRequests,
  type DocumentedOperation,
  type MalformedRequest,
} from '../openapi/testing/malformed-requests';
