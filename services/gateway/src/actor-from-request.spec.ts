import { actorFromRequest, correlationIdFromRequest } from './actor-from-request';
import { bindIdentity } from './auth/identity';

const errorOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('actorFromRequest', () => {
  it('maps the verified identity to the services’ actor, with the gateway role for audit', () => {
    const headers = {};
    bindIdentity(headers, {
      kind: 'session',
      actorId: 'user:unit-leader-housing',
      username: 'unit-leader-housing',
      displayName: '住建局领导',
      role: 'unit-leader',
      districtId: 'city',
      unitId: 'housing-bureau',
      mustChangePassword: false,
    });
    expect(actorFromRequest(headers)).toEqual({
      actor: {
        id: 'user:unit-leader-housing',
        role: 'unit',
        unitId: 'housing-bureau',
        gatewayRole: 'unit-leader',
        name: '住建局领导',
      },
      districtId: 'city',
    });
  });

  it('ignores declared actor headers: without a verified identity the request is unauthenticated', () => {
    const headers = { 'x-actor-id': 'clerk-1', 'x-actor-role': 'center', 'x-district': 'city' };
    expect(errorOf(() => actorFromRequest(headers))).toMatchObject({ kind: 'unauthenticated' });
  });

  it('takes the correlation id from x-correlation-id, else the fallback, and checks its form', () => {
    expect(correlationIdFromRequest({ 'x-correlation-id': 'call-42' }, 'cmd-1')).toBe('call-42');
    expect(correlationIdFromRequest({}, 'cmd-1')).toBe('cmd-1');
    expect(errorOf(() => correlationIdFromRequest({ 'x-correlation-id': 'a b' }, 'cmd-1'))).toMatchObject({
      field: 'x-correlation-id',
    });
  });
});
