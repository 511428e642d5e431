/*
 * The ZeroOps demo backend: the Backstage core plugins a platform team already runs, plus the
 * ZeroOps plugins. Production deployments use the same file with app-config.production.yaml.
 */
import { createBackend } from '@backstage/backend-defaults';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { zeroopsWebhookGuardModule } from '@zeroops/backstage-plugin-zeroops-backend';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: guest for the embedded default, GitHub when configured (app-config.production.yaml).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-github-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
// zeroops:* actions (workflows, infrastructure, cost estimate).
backend.add(
  import('@zeroops/backstage-plugin-scaffolder-backend-module-zeroops'),
);
// The embedded default's local publisher (zeroops:publish:local and a file:// reader for what it
// publishes) is demo tooling that writes to and serves from this machine's disk, so it is added
// only when ZEROOPS_LOCAL_REPOSITORIES names its folder. `make start` (scripts/start.sh) sets it;
// production images never do. An environment variable rather than a config key: a production
// config layered on app-config.yaml would inherit a key, and the variable is also the folder the
// publisher uses (app-config.yaml: zeroops.publish.local.baseDir), so "on" and "where" are one
// setting.
if (process.env.ZEROOPS_LOCAL_REPOSITORIES) {
  backend.add(
    import('@zeroops/backstage-plugin-scaffolder-backend-module-zeroops/local'),
  );
}

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./modules/permissionPolicy'));

backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-user-settings-backend'));
// Live updates to the browser (user settings, and any plugin that pushes signals).
backend.add(import('@backstage/plugin-signals-backend'));

// GitHub webhooks: POST /api/events/http/github, X-Hub-Signature-256 checked by the GitHub module
// (events.modules.github.webhookSecret) and routed to `github.<event>` topics; ZeroOps' guard
// limits the payload size and counts forged deliveries.
// One events service for every plugin: the events backend and its GitHub module are built on
// @backstage/plugin-events-node 0.4 and ZeroOps on 0.5; without an explicit factory each version's
// default factory makes its own in-process bus, GitHub events would reach ZeroOps only through
// the events backend's bus, and that bus drops the X-GitHub-Delivery header.
backend.add(eventsServiceFactory);
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-events-backend-module-github'));
// A named export, so imported statically: Node's import() of the plugin's transpiled source
// exposes only its default export.
backend.add(zeroopsWebhookGuardModule);

// ZeroOps: environment health, deployments and cost per service (/api/zeroops).
backend.add(import('@zeroops/backstage-plugin-zeroops-backend'));

// Exposes the actions registry (including ZeroOps' read actions) to MCP clients.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
