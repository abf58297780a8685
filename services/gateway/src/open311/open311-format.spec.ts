import { renderList, renderObject } from './open311-format';

describe('Open311 formats', () => {
  const request = [
    ['service_request_id', '20260001'],
    ['status_notes', undefined],
    ['account_id', null],
    ['description', 'a < b & "c"'],
  ] as const;

  it('writes a list as an array in JSON, leaving out what is unknown', () => {
    expect(JSON.parse(renderList('json', 'service_requests', 'request', [request]))).toEqual([
      { service_request_id: '20260001', account_id: null, description: 'a < b & "c"' },
    ]);
  });

  it('writes a list as escaped XML under its root, with the declaration', () => {
    expect(renderList('xml', 'service_requests', 'request', [request])).toBe(
      '<?xml version="1.0" encoding="utf-8"?><service_requests><request><service_request_id>20260001</service_request_id><account_id/><description>a &lt; b &amp; &quot;c&quot;</description></request></service_requests>',
    );
  });

  it('names the items of a nested list by its singular, and drops characters XML cannot carry', () => {
    expect(renderObject('xml', 'service_definition', [['attributes', [[['code', 'x\u0001y']]]]])).toBe(
      '<?xml version="1.0" encoding="utf-8"?><service_definition><attributes><attribute><code>xy</code></attribute></attributes></service_definition>',
    );
  });
});
