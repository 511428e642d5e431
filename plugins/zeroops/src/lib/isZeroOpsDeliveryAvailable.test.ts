import { entity } from '../__testUtils__/fixtures';
import { isZeroOpsDeliveryAvailable } from './isZeroOpsDeliveryAvailable';

describe('isZeroOpsDeliveryAvailable', () => {
  it('needs both the ZeroOps annotation and a GitHub repository', () => {
    expect(isZeroOpsDeliveryAvailable(entity('payments-api'))).toBe(true);
    expect(
      isZeroOpsDeliveryAvailable(
        entity('payments-api', { 'zeroops.io/service-name': 'payments-api' }),
      ),
    ).toBe(false);
    expect(
      isZeroOpsDeliveryAvailable(
        entity('payments-api', {
          'github.com/project-slug': 'zeroops-demo/payments-api',
        }),
      ),
    ).toBe(false);
  });

  it('reads a GitHub source location, including GitHub Enterprise hosts, but not GitLab', () => {
    const withSource = (location: string) =>
      entity('payments-api', {
        'zeroops.io/service-name': 'payments-api',
        'backstage.io/source-location': location,
      });
    expect(
      isZeroOpsDeliveryAvailable(
        withSource('url:https://github.com/acme/payments-api/tree/main/'),
      ),
    ).toBe(true);
    expect(
      isZeroOpsDeliveryAvailable(
        withSource('url:https://github.acme.corp/acme/payments-api'),
      ),
    ).toBe(true);
    expect(
      isZeroOpsDeliveryAvailable(
        withSource('url:https://gitlab.com/acme/payments-api'),
      ),
    ).toBe(false);
  });
});
