import { screen, within } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ZEROOPS_TEMPLATE_VERSION } from '@zeroops/backstage-plugin-zeroops-common';
import { entity } from '../../__testUtils__/fixtures';
import { hasTemplateVersionNotice } from '../../lib/hasTemplateVersionNotice';
import { TemplateVersionNotice } from './TemplateVersionNotice';

const service = (annotations: Record<string, string>) =>
  entity('payments-api', {
    'zeroops.io/service-name': 'payments-api',
    ...annotations,
  });

describe('TemplateVersionNotice', () => {
  it('shows a service behind the current version with a link to the update template for it', async () => {
    const behind = service({ 'zeroops.io/template-version': '1' });
    expect(hasTemplateVersionNotice(behind)).toBe(true);
    await renderInTestApp(
      <EntityProvider entity={behind}>
        <TemplateVersionNotice />
      </EntityProvider>,
    );
    const card = screen.getByRole('region', { name: 'ZeroOps template' });
    expect(card).toHaveTextContent(
      `Generated with template version 1; the current version is ${ZEROOPS_TEMPLATE_VERSION}.`,
    );
    const link = within(card).getByRole('link', {
      name: 'Update the repository',
    });
    expect(link.getAttribute('href')).toBe(
      `/create/templates/default/zeroops-update?formData=${encodeURIComponent(
        '{"entity":"component:default/payments-api"}',
      )}`,
    );
  });

  it('says when a service predates recorded versions', async () => {
    await renderInTestApp(
      <EntityProvider entity={service({})}>
        <TemplateVersionNotice />
      </EntityProvider>,
    );
    expect(
      screen.getByRole('region', { name: 'ZeroOps template' }),
    ).toHaveTextContent(
      'Generated before template versions were recorded (version 1)',
    );
  });

  it('is not shown for a current service, nor for entities that are not ZeroOps services', () => {
    expect(
      hasTemplateVersionNotice(
        service({
          'zeroops.io/template-version': String(ZEROOPS_TEMPLATE_VERSION),
        }),
      ),
    ).toBe(false);
    expect(hasTemplateVersionNotice(entity('website', {}))).toBe(false);
  });
});
