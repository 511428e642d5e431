import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OverviewService } from '@zeroops/backstage-plugin-zeroops-common';
import { HealthMatrix } from './HealthMatrix';
import { renderWithZeroOps } from '../../__testUtils__/testApp';

const service: OverviewService = {
  entityRef: 'component:default/payments-api',
  serviceName: 'payments-api',
  environments: [
    {
      name: 'staging',
      kind: 'persistent',
      health: 'unknown',
      reasons: ['alarms-unreadable', 'database-unreadable'],
    },
  ],
  ephemeral: [],
};

describe('HealthMatrix', () => {
  it('says which signal could not be read when health is unknown', async () => {
    await renderWithZeroOps(<HealthMatrix services={[service]} />);
    const badge = await screen.findByRole('img', {
      name: 'payments-api in staging: Unknown',
    });
    // Keyboard users tab into the grid and reach the badge with the arrow keys.
    const user = userEvent.setup();
    const grid = screen.getByRole('grid');
    while (!grid.contains(document.activeElement)) await user.tab();
    for (let i = 0; i < 6 && document.activeElement !== badge; i++) {
      await user.keyboard('{ArrowRight}');
    }
    expect(badge).toHaveFocus();
    const tooltip = await screen.findByRole('tooltip');
    expect(
      within(tooltip)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'Alarms could not be read',
      'Database status could not be read',
    ]);
  });

  it('shows a service not deployed yet in a neutral badge, and the pull-request column ranks a real problem first', async () => {
    await renderWithZeroOps(
      <HealthMatrix
        services={[
          {
            entityRef: 'component:default/inventory-api',
            serviceName: 'inventory-api',
            environments: [
              {
                name: 'production',
                kind: 'persistent',
                health: 'not-deployed',
                reasons: ['service-missing'],
              },
            ],
            ephemeral: [
              { name: 'pr-3', pullRequest: 3, health: 'degraded' },
              { name: 'pr-4', pullRequest: 4, health: 'not-deployed' },
            ],
          },
        ]}
      />,
    );
    const badge = await screen.findByRole('img', {
      name: 'inventory-api in production: Not deployed yet',
    });
    expect(badge).toHaveAttribute('data-health', 'not-deployed');
    expect(
      screen.getByRole('img', {
        name: '2 pull-request environments of inventory-api: Degraded',
      }),
    ).toBeInTheDocument();
  });
});
