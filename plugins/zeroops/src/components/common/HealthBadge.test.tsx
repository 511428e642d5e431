import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HealthBadge } from './HealthBadge';

describe('HealthBadge', () => {
  it('names the status in words and shows the reasons on keyboard focus', async () => {
    render(
      <HealthBadge
        status="degraded"
        reasons={['Alarm payments-api-staging-p99-latency is in ALARM']}
        subject="staging"
      />,
    );
    const badge = screen.getByRole('img', { name: 'staging: Degraded' });
    expect(badge).toHaveTextContent('Degraded');
    await userEvent.setup().tab();
    expect(badge).toHaveFocus();
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent(
      'Alarm payments-api-staging-p99-latency is in ALARM',
    );
    expect(badge).toHaveAttribute('aria-describedby', tooltip.id);
  });

  it('says there is nothing wrong when there are no reasons', async () => {
    render(<HealthBadge status="healthy" reasons={[]} />);
    await userEvent.setup().tab();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'No issues found',
    );
  });
});
