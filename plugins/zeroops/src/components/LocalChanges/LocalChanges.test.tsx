import { ReactElement } from 'react';
import { screen, within } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { Route, Routes } from 'react-router-dom';
import { LocalRepositoryChanges } from '@zeroops/backstage-plugin-zeroops-common';
import {
  LocalChangesClient,
  localChangesApiRef,
} from '../../api/LocalChangesClient';
import { setupZeroOpsServer } from '../../__testUtils__/testApp';
import { entity } from '../../__testUtils__/fixtures';
import { isLocalRepositoryEntity } from '../../lib/localRepositoryLocation';
import { LocalChangesCard } from './LocalChangesCard';
import { LocalChangesPage } from './LocalChangesPage';

const server = setupZeroOpsServer();
const ROUTE = 'http://backstage.test/api/scaffolder/zeroops/local-changes';
const REPOSITORY_PATH = '/home/dev/.zeroops/repositories/payments-api';
const LOCATION = `file://${REPOSITORY_PATH}/catalog-info.yaml`;

const localEntity = entity('payments-api', {
  'zeroops.io/service-name': 'payments-api',
  'backstage.io/managed-by-location': `url:${LOCATION}`,
});

function payments(): LocalRepositoryChanges {
  const base = {
    repository: 'payments-api',
    description: 'Adds the ZeroOps workflows.',
    author: 'user:default/guest',
    createdAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
    targetBranch: 'main',
    baseCommit: 'a'.repeat(40),
    commit: 'b'.repeat(40),
  };
  return {
    repository: 'payments-api',
    path: REPOSITORY_PATH,
    changes: [
      {
        ...base,
        id: '2',
        title: 'Adopt ZeroOps deployments for payments-api',
        branch: 'zeroops/adopt',
        status: 'open',
        changedFiles: ['.github/workflows/ci.yml', 'Dockerfile'],
        files: [
          {
            path: '.github/workflows/ci.yml',
            additions: 40,
            deletions: 0,
            binary: false,
          },
          { path: 'Dockerfile', additions: 1, deletions: 1, binary: false },
        ],
      },
      {
        ...base,
        id: '1',
        title: 'Add a README',
        branch: 'docs/readme',
        status: 'merged',
        changedFiles: ['README.md'],
        files: [
          { path: 'README.md', additions: 3, deletions: 0, binary: false },
        ],
      },
    ],
  };
}

function render(element: ReactElement, path = '/') {
  const client = new LocalChangesClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: { fetch: (input, init) => fetch(input, init) },
  });
  return renderInTestApp(element, {
    apis: [[localChangesApiRef, client]],
    initialRouteEntries: [path],
  });
}

describe('Local changes', () => {
  it('shows the card only for entities read from a local repository', () => {
    expect(isLocalRepositoryEntity(localEntity)).toBe(true);
    expect(isLocalRepositoryEntity(entity('payments-api'))).toBe(false);
  });

  it('lists the change requests of the entity’s repository with their files and how to review and merge them', async () => {
    let asked: string | null = null;
    server.use(
      http.get(ROUTE, ({ request }) => {
        asked = new URL(request.url).searchParams.get('location');
        return HttpResponse.json({ items: [payments()] });
      }),
    );
    await render(
      <EntityProvider entity={localEntity}>
        <LocalChangesCard />
      </EntityProvider>,
    );
    const card = await screen.findByRole('region', { name: 'Local changes' });
    const open = await within(card).findByRole('article', {
      name: '#2 Adopt ZeroOps deployments for payments-api',
    });
    expect(asked).toBe(LOCATION);
    expect(open).toHaveTextContent('Open');
    expect(open).toHaveTextContent('zeroops/adopt → main');
    const files = within(open).getByRole('grid', {
      name: 'Files of change #2',
    });
    expect(files).toHaveTextContent('.github/workflows/ci.yml+40 −0');
    expect(files).toHaveTextContent('Dockerfile+1 −1');
    expect(
      within(open).getByLabelText('Commands to review and merge change #2'),
    ).toHaveTextContent(
      `git -C '${REPOSITORY_PATH}' diff main...zeroops/adopt git -C '${REPOSITORY_PATH}' merge zeroops/adopt`,
    );
    expect(
      within(open).getByRole('link', {
        name: '#2 Adopt ZeroOps deployments for payments-api',
      }),
    ).toHaveAttribute('href', '/zeroops/local-changes/payments-api/2');

    const merged = within(card).getByRole('article', {
      name: '#1 Add a README',
    });
    expect(merged).toHaveTextContent('Merged');
    // A merged change needs no merge command.
    expect(
      within(merged).queryByLabelText('Commands to review and merge change #1'),
    ).toBeNull();
  });

  it('opens one change from the URL the change-request action returns', async () => {
    let asked: string | null = null;
    server.use(
      http.get(ROUTE, ({ request }) => {
        asked = new URL(request.url).searchParams.get('repository');
        return HttpResponse.json({ items: [payments()] });
      }),
    );
    await render(
      <Routes>
        <Route path="/zeroops/local-changes/*" element={<LocalChangesPage />} />
      </Routes>,
      '/zeroops/local-changes/payments-api/2',
    );
    const change = await screen.findByRole('article', {
      name: '#2 Adopt ZeroOps deployments for payments-api',
    });
    expect(asked).toBe('payments-api');
    expect(change).toHaveAttribute('aria-current', 'true');
    expect(
      screen.queryByRole('article', { name: '#1 Add a README' }),
    ).toBeNull();
  });

  it('says what failed when the local module is not installed', async () => {
    server.use(
      http.get(ROUTE, () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError', message: 'Not found' } },
          { status: 404 },
        ),
      ),
    );
    await render(
      <Routes>
        <Route path="/zeroops/local-changes/*" element={<LocalChangesPage />} />
      </Routes>,
      '/zeroops/local-changes',
    );
    expect(
      await screen.findByText('No local changes found'),
    ).toBeInTheDocument();
  });
});
