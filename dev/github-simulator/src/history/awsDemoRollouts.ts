/**
 * The rollouts the AWS simulator's demo scenario (`dev/aws-simulator/scenarios/demo.yaml`,
 * seed 42) shows in ECS: image tags (commit SHAs), service deployment ARNs and how long ago each
 * started. The demo's GitHub history ends with exactly these, so the Delivery card and the
 * environment cards agree. `awsDemoRollouts.test.ts` rebuilds the AWS world and fails when the
 * two drift.
 */
export interface AwsRollout {
  sha: string;
  /** Last segment of `arn:aws:ecs:…:service-deployment/<cluster>/<service>/<id>`. */
  serviceDeploymentId: string;
  /** Minutes before the simulators' start. */
  agoMinutes: number;
}

export const AWS_DEMO_ROLLOUTS = {
  'payments-api': {
    production: {
      sha: 'fbf8bb8f282df18341626369b21713b9a28ca1fa',
      serviceDeploymentId: '4b055ad788700feeb770a4',
      agoMinutes: 5239,
    },
    staging: {
      sha: '356b496dcaa22a5311e4ed008ae74cc073a82795',
      serviceDeploymentId: 'a27664a1e1827b45a06f46',
      agoMinutes: 2189,
    },
    'pr-7': {
      sha: 'cea86d4ffb21e44010f96aee6a65c9dfea35e7d9',
      serviceDeploymentId: '04277a7b5c1f3498261b29',
      agoMinutes: 298,
    },
  },
  'storefront-web': {
    /** Blue/green rollout in progress (a hotfix). */
    production: {
      sha: '12a8f1a3fa7d4ecbffcfc5effd4af6c155a9dda5',
      serviceDeploymentId: '2bf9f51e01c6d830761e96',
      agoMinutes: 12,
    },
    /** What production ran before: the blue side. */
    'production-previous': {
      sha: '1ff1f26966eeeb5c8e1598f604db1ddcfc747f0f',
      serviceDeploymentId: '8b54fc8dc3afe6b187a0e2',
      agoMinutes: 8477,
    },
    staging: {
      sha: 'ba6397c6480fd7991b24404ee1dae1ea627e3187',
      serviceDeploymentId: 'c9e916261d7db5f2c9291a',
      agoMinutes: 11836,
    },
    'pr-42': {
      sha: '8e680df319807d1297ad4b0081a26019b0ffd526',
      serviceDeploymentId: 'de1ea011e36651c6428f4c',
      agoMinutes: 2998,
    },
  },
  'orders-worker': {
    production: {
      sha: '7256ecb376d979619f423bbb84808d84a153e052',
      serviceDeploymentId: '3449a90dd203f384e8ccee',
      agoMinutes: 12071,
    },
    /** Redeployed by the ECS circuit breaker after the failed rollout below. */
    staging: {
      sha: 'd9b5e3c9695d4d5b5d1902998d98fb0a524b4099',
      serviceDeploymentId: 'ea3a16b7596b6cefb1545c',
      agoMinutes: 36,
    },
    'staging-failed': {
      sha: '29116e9eef8f1342f350f6d5e3b6775fb03b9605',
      serviceDeploymentId: '45bb0092582fe419a62789',
      agoMinutes: 48,
    },
  },
} as const satisfies Record<string, Record<string, AwsRollout>>;
