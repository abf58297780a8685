import type { ApiTokenEvent } from '@hotline/contracts';
import { deciderSpec } from '@hotline/infra/command/testing';
import { AccountError } from '../account/account.errors';
import { apiTokenDecider } from './api-token.decider';

const spec = deciderSpec(apiTokenDecider, () => ({
  now: new Date('2026-03-02T09:00:00+08:00'),
  actor: { id: 'user:admin', role: 'center', gatewayRole: 'city-admin' },
  districtId: 'city',
  commandId: 'cmd-1',
}));
const tokenId = 'a1b2c3d4e5f6a7b8';
const data = {
  tokenId,
  name: '市民热线短信网关',
  role: 'agent',
  districtId: 'city',
  tokenHash: 'ab'.repeat(32),
} as const;
const issued: ApiTokenEvent = { type: 'ApiTokenIssued', data };
const revoked: ApiTokenEvent = { type: 'ApiTokenRevoked', data: { tokenId } };

describe('API token aggregate', () => {
  it('issues a scoped token', () => {
    spec.given([]).when({ type: 'IssueApiToken', data }).then([issued]);
  });

  it('refuses to issue the same token id twice', () => {
    spec.given([issued]).when({ type: 'IssueApiToken', data }).thenRejects(AccountError.Exists);
  });

  it('refuses a scope that does not fit the role', () => {
    spec
      .given([])
      .when({ type: 'IssueApiToken', data: { ...data, role: 'unit-handler' } })
      .thenRejects(AccountError.ScopeInvalid);
  });

  it('refuses a non-admin', () => {
    spec
      .given([])
      .when(
        { type: 'IssueApiToken', data },
        { actor: { id: 'user:c', role: 'center', gatewayRole: 'center' } },
      )
      .thenRejects(AccountError.AdminForbidden);
  });

  it('revokes once, then changes nothing', () => {
    spec.given([issued]).when({ type: 'RevokeApiToken', data: { tokenId } }).then([revoked]);
    spec.given([issued, revoked]).when({ type: 'RevokeApiToken', data: { tokenId } }).then([]);
  });

  it('refuses to revoke a token that does not exist', () => {
    spec.given([]).when({ type: 'RevokeApiToken', data: { tokenId } }).thenRejects(AccountError.NotFound);
  });
});
