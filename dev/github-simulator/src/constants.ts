/**
 * Defaults shared by the simulator, its CLI, the start script and the demo backend configuration.
 */

/** Port of `yarn workspace @zeroops/github-simulator start` (env `ZEROOPS_GITHUB_SIMULATOR_PORT`). @public */
export const DEFAULT_GITHUB_SIMULATOR_PORT = 4598;

/** Where the demo backend receives GitHub webhooks (Backstage events HTTP ingress, topic `github`). @public */
export const DEMO_WEBHOOK_URL = 'http://localhost:7007/api/events/http/github';

/** The webhook secret of the demo (the backend's `events.modules.github.webhookSecret`). @public */
export const DEMO_WEBHOOK_SECRET = 'zeroops-demo-webhook-secret';

/** GitHub's REST rate limit for a user or app token: requests per hour. @public */
export const RATE_LIMIT_PER_HOUR = 5000;

/** Links in bodies point here, as on github.com (pending approval pages, compare views). */
export const DEFAULT_HTML_BASE_URL = 'https://github.com';

export const DOCS = {
  notFound: 'https://docs.github.com/rest',
  authentication: 'https://docs.github.com/rest',
  rateLimit:
    'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api',
  validation:
    'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
} as const;

/** The workflow our generated repositories deploy with (templates/zeroops-service). */
export const DEPLOY_WORKFLOW = {
  id: 4_200_001,
  name: 'Deploy',
  path: '.github/workflows/deploy.yml',
} as const;

/** The pull-request preview workflow: deploys `pr-<n>` environments. */
export const PREVIEW_WORKFLOW = {
  id: 4_200_002,
  name: 'Preview',
  path: '.github/workflows/preview.yml',
} as const;
