import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { EntityCostResponse } from '@zeroops/backstage-plugin-zeroops-common';
import { CostCard } from './CostCard';
import {
  renderWithZeroOps,
  setupZeroOpsServer,
} from '../../__testUtils__/testApp';
import {
  answerError,
  entityResourceUrl,
  neverAnswer,
} from '../../__testUtils__/handlers';
import { entity } from '../../__testUtils__/fixtures';
import { paymentsCost } from '../../__testUtils__/costFixtures';

const server = setupZeroOpsServer();
const COST_URL = entityResourceUrl('cost');

function serve(body: EntityCostResponse) {
  server.use(http.get(COST_URL, () => HttpResponse.json(body)));
}

describe('CostCard', () => {
  it('shows a loading state until the backend answers', async () => {
    server.use(neverAnswer(COST_URL));
    renderWithZeroOps(<CostCard />, { entity: entity('payments-api') });
    expect(await screen.findByLabelText('Loading cost')).toBeInTheDocument();
  });

  it('shows month to date, forecast and the budget against its thresholds', async () => {
    serve(paymentsCost());
    renderWithZeroOps(<CostCard />, { entity: entity('payments-api') });

    const monthToDate = await screen.findByRole('group', {
      name: 'Month to date',
    });
    expect(monthToDate).toHaveTextContent('$164.29');
    // Two forecasts on one card: each says where it comes from.
    expect(
      screen.getByRole('group', { name: 'Run-rate forecast' }),
    ).toHaveTextContent(
      '$188.00this month so far + the daily average of the last 7 days × the days left',
    );
    expect(
      screen.getByText(/AWS Budgets forecast \$191\.94 \(93\.5 %\)/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Two forecasts, two sources: the run-rate forecast/),
    ).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Budget' })).toHaveTextContent(
      '$205.36payments-api-monthly',
    );

    const meter = screen.getByRole('meter', {
      name: 'Budget payments-api-monthly',
    });
    expect(meter).toHaveAttribute('aria-valuenow', '80');
    expect(meter).toHaveAttribute(
      'aria-valuetext',
      '80 % of the payments-api-monthly budget used, AWS Budgets forecasts 94 % at month end',
    );
    expect(meter).toHaveAttribute('data-level', 'warning');
    expect(screen.getByText('At risk')).toBeInTheDocument();
    for (const threshold of ['50 %', '80 %', '95 %']) {
      expect(screen.getByText(threshold)).toBeInTheDocument();
    }
    expect(screen.getByText('Demo data')).toBeInTheDocument();
    expect(
      screen.getByText(/Cost Explorer data refreshed 15 min ago/),
    ).toBeInTheDocument();
  });

  it('has the 6-month trend split by environment as a table for screen readers', async () => {
    serve(paymentsCost());
    renderWithZeroOps(<CostCard />, { entity: entity('payments-api') });

    const table = await screen.findByRole('table', {
      name: 'Cost per month by environment',
    });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map(h => h.textContent);
    expect(headers).toEqual([
      'Month',
      'production',
      'staging',
      'pull requests',
      'Total',
    ]);
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(7);
    expect(rows[5]).toHaveTextContent('$143.61$42.75$3.61$189.97');
    expect(rows[6]).toHaveTextContent('(to date)');
  });

  it('explains a service without a budget and before the first refresh', async () => {
    serve({ ...paymentsCost(), budget: undefined });
    const { unmount } = renderWithZeroOps(<CostCard />, {
      entity: entity('payments-api'),
    });
    expect(
      await screen.findByText(/No AWS Budget for this service/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
    unmount();

    serve({
      ...paymentsCost(),
      months: [],
      environments: [],
      budget: undefined,
      monthToDate: 0,
      lastRefreshedAt: null,
    });
    renderWithZeroOps(<CostCard />, { entity: entity('payments-api') });
    expect(
      await screen.findByText(/No cost collected yet/),
    ).toBeInTheDocument();
  });

  it('shows permission denied with the permission to ask for on a 403', async () => {
    server.use(answerError(COST_URL, 403, 'NotAllowedError', 'Unauthorized'));
    renderWithZeroOps(<CostCard />, { entity: entity('payments-api') });
    expect(await screen.findByText('Permission denied')).toBeInTheDocument();
    expect(screen.getByText(/zeroops\.cost\.read/)).toBeInTheDocument();
  });
});
