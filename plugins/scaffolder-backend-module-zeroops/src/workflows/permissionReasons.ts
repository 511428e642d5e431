import { ZEROOPS_DEPLOYMENT_TASK } from '@zeroops/backstage-plugin-zeroops-common';
import YAML from 'yaml';

/**
 * Why a generated job holds each permission beyond `contents: read`, written next to it in the
 * YAML. A reviewer (and zizmor's undocumented-permissions audit) sees at a glance that the
 * grant is deliberate. A grant missing here is written without a comment, which zizmor reports
 * in the generated-workflow tests, so a new grant cannot slip in unexplained.
 */
export const PERMISSION_REASONS: Record<string, string> = {
  'id-token: write':
    'GitHub OIDC: assume the AWS role of this environment, no stored keys',
  'security-events: write': 'CodeQL uploads its results to code scanning',
  'actions: read': 'CodeQL reads the workflow run it analyses',
  'deployments: write': `report the rollout to GitHub as a deployment (task ${ZEROOPS_DEPLOYMENT_TASK}) and its statuses; cleanup marks pr-<n> ones inactive`,
  'pull-requests: read':
    'the nightly sweep asks whether the pull request of a pr-<n> environment is still open',
};

/** Writes the reason of every permission (other than `contents: read`) as a trailing comment. */
export function documentPermissions(doc: YAML.Document): void {
  YAML.visit(doc, {
    Pair(_, pair) {
      if (
        !YAML.isScalar(pair.key) ||
        pair.key.value !== 'permissions' ||
        !YAML.isMap(pair.value)
      ) {
        return;
      }
      for (const item of pair.value.items) {
        if (!YAML.isScalar(item.key) || !YAML.isScalar(item.value)) continue;
        const grant = `${item.key.value}: ${item.value.value}`;
        if (grant === 'contents: read') continue;
        const reason = PERMISSION_REASONS[grant];
        if (reason) item.value.comment = ` ${reason}`;
      }
    },
  });
}
