import { deciderSpec } from '../testing/decider-spec';
import { CallerBlockError, callerBlockDecider } from './caller-block.decider';

const spec = deciderSpec(callerBlockDecider);
const phone = '13800138000';
const center = { actor: { id: 'center-1', role: 'center' } };

describe('caller blocklist', () => {
  it('blocks a number with a reason and an expiry', () => {
    spec
      .given([])
      .when(
        {
          type: 'BlockCaller',
          data: { phone, reason: '多次辱骂话务员', expiresAt: '2025-07-01T00:00:00.000Z' },
        },
        center,
      )
      .then([
        {
          type: 'CallerBlocked',
          data: { phone, reason: '多次辱骂话务员', expiresAt: '2025-07-01T00:00:00.000Z' },
        },
      ]);
  });

  it('rejects an expiry in the past', () => {
    spec
      .given([])
      .when(
        { type: 'BlockCaller', data: { phone, reason: '骚扰', expiresAt: '2025-06-01T00:00:00.000Z' } },
        center,
      )
      .thenRejects(CallerBlockError.ExpiryInPast, /^expiresAt: /);
  });

  it('unblocks a blocked number, and only a blocked one', () => {
    spec
      .given([{ type: 'CallerBlocked', data: { phone, reason: '骚扰' } }])
      .when({ type: 'UnblockCaller', data: { phone } }, center)
      .then([{ type: 'CallerUnblocked', data: { phone } }]);
    spec
      .given([])
      .when({ type: 'UnblockCaller', data: { phone } }, center)
      .thenRejects(CallerBlockError.NotBlocked);
  });

  it('treats an expired block as no block', () => {
    spec
      .given([
        { type: 'CallerBlocked', data: { phone, reason: '骚扰', expiresAt: '2025-06-01T00:00:00.000Z' } },
      ])
      .when({ type: 'UnblockCaller', data: { phone } }, center)
      .thenRejects(CallerBlockError.NotBlocked);
  });

  it('leaves the blocklist to the center', () => {
    spec
      .given([])
      .when({ type: 'BlockCaller', data: { phone, reason: '骚扰' } })
      .thenRejects(CallerBlockError.RoleNotAllowed);
  });
});
