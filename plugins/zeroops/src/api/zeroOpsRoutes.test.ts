import { zeroOpsRoutePath } from './zeroOpsRoutes';

describe('zeroOpsRoutePath', () => {
  it('fills every path parameter of the route, encoded', () => {
    expect(
      zeroOpsRoutePath('/entities/{kind}/{namespace}/{name}/dora', {
        path: { kind: 'component', namespace: 'team a', name: 'pay/api' },
        query: { window: '90' },
      }),
    ).toBe('/entities/component/team%20a/pay%2Fapi/dora?window=90');
  });

  it('leaves out query parameters without a value, and the ? when none is left', () => {
    expect(
      zeroOpsRoutePath('/delivery/overview', { query: { window: undefined } }),
    ).toBe('/delivery/overview');
    expect(zeroOpsRoutePath('/overview', {})).toBe('/overview');
  });
});
