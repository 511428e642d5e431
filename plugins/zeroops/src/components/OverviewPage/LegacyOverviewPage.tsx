import { Content, Header, Page } from '@backstage/core-components';
import { OverviewPage } from './OverviewPage';

/**
 * The overview page with its own header, for apps on the legacy frontend system (the new
 * system's page extension gets its header from the app).
 */
export function LegacyOverviewPage() {
  return (
    <Page themeId="tool">
      <Header
        title="ZeroOps"
        subtitle="Health and cost of every service, per environment"
      />
      <Content>
        <OverviewPage />
      </Content>
    </Page>
  );
}
