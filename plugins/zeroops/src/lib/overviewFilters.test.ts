import {
  filterOptions,
  filterServices,
  matrixEnvironments,
} from './overviewFilters';
import { overview } from '../__testUtils__/overviewFixtures';

describe('overview filters', () => {
  const { services } = overview();

  it('lists distinct owners and systems', () => {
    expect(filterOptions(services)).toEqual({
      owners: ['group:default/team-checkout', 'group:default/team-finance'],
      systems: ['system:default/billing', 'system:default/checkout'],
    });
  });

  it('filters by owner and by system', () => {
    expect(
      filterServices(services, { owner: 'group:default/team-finance' }).map(
        s => s.serviceName,
      ),
    ).toEqual(['billing-batch']);
    expect(
      filterServices(services, { system: 'system:default/checkout' }).map(
        s => s.serviceName,
      ),
    ).toEqual(['orders-worker', 'payments-api']);
    expect(
      filterServices(services, {
        owner: 'group:default/team-finance',
        system: 'system:default/checkout',
      }),
    ).toEqual([]);
    expect(filterServices(services, {})).toHaveLength(3);
  });

  it('takes the matrix columns in configuration order', () => {
    expect(matrixEnvironments(services)).toEqual(['production', 'staging']);
  });
});
