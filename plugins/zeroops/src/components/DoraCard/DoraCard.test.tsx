import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { EntityDoraResponse } from '@zeroops/backstage-plugin-zeroops-common';
import { DoraCard } from './DoraCard';
import {
  renderWithZeroOps,
  setupZeroOpsServer,
} from '../../__testUtils__/testApp';
import { answerError, entityResourceUrl } from '../../__testUtils__/handlers';
import { entity } from '../../__testUtils__/fixtures';
import { emptyDora, paymentsDora } from '../../__testUtils__/deliveryFixtures';

const server = setupZeroOpsServer();
const DORA_URL = entityResourceUrl('dora');

/** Serves the DORA of the asked window and records which windows were asked for. */
function serve(build: (windowDays: 7 | 30 | 90) => EntityDoraResponse) {
  const windows: string[] = [];
  server.use(
    http.get(DORA_URL, ({ request }) => {
      const window = new URL(request.url).searchParams.get('window') ?? '';
      windows.push(window);
      return HttpResponse.json(build(Number(window) as 7 | 30 | 90));
    }),
  );
  return windows;
}

async function renderCard() {
  renderWithZeroOps(<DoraCard />, { entity: entity('payments-api') });
  return screen.findByRole('region', { name: 'DORA metrics' });
}

describe('DoraCard', () => {
  it('shows the four metrics with their unit, band, target and samples', async () => {
    serve(paymentsDora);
    const card = await renderCard();

    const frequency = await within(card).findByRole('group', {
      name: 'Deployment frequency',
    });
    expect(frequency).toHaveTextContent('2.4 per day');
    expect(frequency).toHaveTextContent('Elite');
    expect(frequency).toHaveTextContent('Target at least 2 per day: ● met');
    expect(frequency).toHaveTextContent('based on 72 changes');

    const leadTime = within(card).getByRole('group', {
      name: 'Lead time for changes',
    });
    expect(leadTime).toHaveTextContent('42 min');
    expect(leadTime).toHaveTextContent('Target under 30 min: ■ missed');
    expect(leadTime).toHaveTextContent(
      'based on 70 changes; 2 changes left out (no commit time)',
    );

    const failureRate = within(card).getByRole('group', {
      name: 'Change failure rate',
    });
    expect(failureRate).toHaveTextContent('12.5 %');
    expect(
      failureRate.querySelector('[data-band]')?.getAttribute('data-band'),
    ).toBe('high');
    expect(failureRate).toHaveTextContent('Target under 5 %: ■ missed');

    const restore = within(card).getByRole('group', {
      name: 'Time to restore',
    });
    expect(restore).toHaveTextContent('12 min');
    expect(restore).toHaveTextContent('based on 9 restored incidents');
    expect(within(card).getByText('Demo data')).toBeInTheDocument();
  });

  it('explains how a metric is measured on keyboard focus', async () => {
    serve(paymentsDora);
    const card = await renderCard();
    const help = await within(card).findByRole('img', {
      name: 'How change failure rate is measured',
    });
    act(() => help.focus());
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      /rolled back \(ECS circuit breaker or blue\/green alarm\)/,
    );
  });

  it('has the weekly trend as a table for screen readers', async () => {
    serve(paymentsDora);
    const card = await renderCard();
    const table = await within(card).findByRole('table', {
      name: 'DORA metrics per week',
    });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent('Jun 11538 min6.7 %11 min');
    expect(rows[3]).toHaveTextContent('Jun 150———');
  });

  it('loads the chosen window again when the window changes', async () => {
    const windows = serve(paymentsDora);
    const card = await renderCard();
    expect(
      await within(card).findByRole('group', { name: 'Deployment frequency' }),
    ).toHaveTextContent('based on 72 changes');
    expect(within(card).getByRole('radio', { name: '30 days' })).toBeChecked();

    await userEvent
      .setup()
      .click(within(card).getByRole('radio', { name: '90 days' }));
    expect(
      await within(card).findByRole('group', { name: 'Deployment frequency' }),
    ).toHaveTextContent('based on 216 changes');
    expect(windows).toEqual(['30', '90']);
    expect(within(card).getByRole('radio', { name: '90 days' })).toBeChecked();
  });

  it('says there is nothing to measure when production had no deployment', async () => {
    serve(emptyDora);
    const card = await renderCard();
    const leadTime = await within(card).findByRole('group', {
      name: 'Lead time for changes',
    });
    expect(leadTime).toHaveTextContent('—');
    expect(leadTime).toHaveTextContent('No data');
    expect(leadTime).toHaveTextContent('nothing to measure in this window');
    expect(leadTime).not.toHaveTextContent(/met|missed/);
    expect(
      within(card).getByText(/No production deployment in the last 30 days/),
    ).toBeInTheDocument();
  });

  it('tells what to set up when delivery is switched off, and shows other errors', async () => {
    server.use(
      answerError(DORA_URL, 404, 'NotFoundError', 'Delivery is not enabled'),
    );
    const { unmount } = renderWithZeroOps(<DoraCard />, {
      entity: entity('payments-api'),
    });
    expect(
      await screen.findByText('Delivery data is not set up'),
    ).toBeInTheDocument();
    expect(screen.getByText(/zeroops.delivery.enabled/)).toBeInTheDocument();
    unmount();

    server.use(answerError(DORA_URL, 500, 'Error', 'database is down'));
    renderWithZeroOps(<DoraCard />, { entity: entity('payments-api') });
    expect(
      await screen.findByText('Could not load the DORA metrics'),
    ).toBeInTheDocument();
  });
});
