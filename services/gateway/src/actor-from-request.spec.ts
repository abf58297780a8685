import { actorFromRequest, correlationIdFromRequest } from './actor-from-request';

const errorOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('actorFromRequest (the pre-authentication stand-in)', () => {
  const headers = {
    'x-actor-id': 'clerk-1',
    'x-actor-role': 'unit',
    'x-actor-unit': 'gulou-dongjie',
    'x-district': 'gulou',
  };

  it('reads the actor and the district from the headers', () => {
    expect(actorFromRequest(headers)).toEqual({
      actor: { id: 'clerk-1', role: 'unit', unitId: 'gulou-dongjie' },
      districtId: 'gulou',
    });
  });

  it.each([
    ['x-actor-id', { 'x-actor-id': undefined }],
    ['x-actor-role', { 'x-actor-role': ' ' }],
    ['x-district', { 'x-district': 'Gu Lou' }],
    ['x-actor-unit', { 'x-actor-unit': 'u'.repeat(200) }],
  ])('answers a missing or malformed header with a validation error naming %s', (field, change) => {
    expect(errorOf(() => actorFromRequest({ ...headers, ...change }))).toMatchObject({
      kind: 'validation',
      field,
    });
  });

  it('takes the correlation id from x-correlation-id, else the fallback, and checks its form', () => {
    expect(correlationIdFromRequest({ 'x-correlation-id': 'call-42' }, 'cmd-1')).toBe('call-42');
    expect(correlationIdFromRequest({}, 'cmd-1')).toBe('cmd-1');
    expect(errorOf(() => correlationIdFromRequest({ 'x-correlation-id': 'a b' }, 'cmd-1'))).toMatchObject({
      field: 'x-correlation-id',
    });
  });
});
