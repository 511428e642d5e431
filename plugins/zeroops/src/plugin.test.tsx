import { Entity } from '@backstage/catalog-model';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import plugin from './index';
import {
  zeroOpsCostCard,
  zeroOpsDeliveryCard,
  zeroOpsDoraCard,
  zeroOpsEntityContent,
  zeroOpsEnvironmentsCard,
  zeroOpsOverviewPage,
} from './plugin';
import { entity } from './__testUtils__/fixtures';

describe('the new frontend system plugin', () => {
  it('is the default export, with the cards, the tab, the page and the API', () => {
    expect(plugin.$$type).toBe('@backstage/FrontendPlugin');
    expect(plugin.pluginId).toBe('zeroops');
    for (const id of [
      'api:zeroops',
      'entity-card:zeroops/environments',
      'entity-card:zeroops/cost',
      'entity-card:zeroops/delivery',
      'entity-card:zeroops/dora',
      'entity-content:zeroops',
      'page:zeroops',
    ] as const) {
      expect(plugin.getExtension(id)).toBeDefined();
    }
  });

  it('shows the cards and the tab only for entities with a ZeroOps annotation', () => {
    const annotated = entity('payments-api');
    const plain: Entity = entity('legacy-app', {});
    const filters = [
      createExtensionTester(zeroOpsEnvironmentsCard).get(
        EntityCardBlueprint.dataRefs.filterFunction,
      ),
      createExtensionTester(zeroOpsCostCard).get(
        EntityCardBlueprint.dataRefs.filterFunction,
      ),
      createExtensionTester(zeroOpsEntityContent).get(
        EntityContentBlueprint.dataRefs.filterFunction,
      ),
    ];
    for (const filter of filters) {
      expect(filter?.(annotated)).toBe(true);
      expect(filter?.(plain)).toBe(false);
    }
  });

  it('shows the delivery and DORA cards only for ZeroOps services with a GitHub repository', () => {
    const withGitHub = entity('payments-api');
    const withoutGitHub: Entity = entity('payments-api', {
      'zeroops.io/service-name': 'payments-api',
    });
    const filters = [
      createExtensionTester(zeroOpsDeliveryCard).get(
        EntityCardBlueprint.dataRefs.filterFunction,
      ),
      createExtensionTester(zeroOpsDoraCard).get(
        EntityCardBlueprint.dataRefs.filterFunction,
      ),
    ];
    for (const filter of filters) {
      expect(filter?.(withGitHub)).toBe(true);
      expect(filter?.(withoutGitHub)).toBe(false);
      expect(filter?.(entity('legacy-app', {}))).toBe(false);
    }
  });

  it('mounts the overview page at /zeroops with a title and icon for the navigation', () => {
    const tester = createExtensionTester(zeroOpsOverviewPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/zeroops');
    expect(tester.get(coreExtensionData.title)).toBe('ZeroOps');
    expect(tester.get(coreExtensionData.icon)).toBeDefined();
  });

  it('puts the entity tab at the zeroops path', () => {
    const tester = createExtensionTester(zeroOpsEntityContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('zeroops');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('ZeroOps');
  });
});
