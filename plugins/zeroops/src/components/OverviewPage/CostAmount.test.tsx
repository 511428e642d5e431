import { render, screen } from '@testing-library/react';
import { CostAmount } from './CostAmount';

describe('CostAmount', () => {
  it('shows the amount in the currency', () => {
    render(<CostAmount amount={1234.5} currency="EUR" />);
    expect(screen.getByText('€1,234.50')).toBeInTheDocument();
  });

  it('says there is no data when there is no amount', () => {
    render(<CostAmount currency="USD" />);
    expect(screen.getByText('no data')).toBeInTheDocument();
  });
});
