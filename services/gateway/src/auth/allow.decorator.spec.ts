import { gatewayRouteTable } from './route-table';

describe('route access declarations', () => {
  it('declares @Allow or @Public on every route of every gateway controller (undeclared routes are refused)', () => {
    const undeclared = gatewayRouteTable()
      .filter((route) => route.access !== 'public' && route.access.length === 0)
      .map((route) => `${route.method} ${route.path}`);
    expect(undeclared).toEqual([]);
  });

  it('keeps the contract’s public routes public', () => {
    const publicRoutes = gatewayRouteTable()
      .filter((route) => route.access === 'public')
      .map((route) => `${route.method} ${route.path}`);
    expect(publicRoutes).toEqual(
      expect.arrayContaining([
        'POST /api/portal/contacts',
        'GET /api/public/cases/:caseNumber',
        'GET /api/portal/knowledge/search',
        'POST /api/auth/sign-in',
        'GET /api/auth/me',
        'GET /api/docs',
      ]),
    );
  });
});
