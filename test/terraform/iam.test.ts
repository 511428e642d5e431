import fs from 'node:fs';
import path from 'node:path';
import {
  MODULE_DIR,
  deployPolicy,
  matchesAny,
  resourcesOf,
  namePatterns,
  STAGING_ACCOUNT,
  STAGING_ACTIONS,
  UNRESTRICTABLE,
} from './iam-fixtures.ts';

/**
 * Least-privilege deploy roles of terraform-modules/github-oidc (issue 13 item 4): the policies
 * evaluated with the examples' inputs, checked for exact actions, wildcards, the pull-request
 * role's reach, name patterns across services, reserved names, and with Checkov's IAM checks.
 */

jest.setTimeout(240_000);

describe('github-oidc least-privilege deploy roles', () => {
  it('the deploy workflow actions are granted exactly, with no wildcard action', async () => {
    for (const env of ['staging', 'ephemeral']) {
      const policy = await deployPolicy('staging-and-pull-requests', env);
      const bySid = Object.fromEntries(
        policy.map(s => [s.sid, [...s.actions].sort()]),
      );
      const expected = { ...STAGING_ACTIONS };
      // Pull requests push to the repository the staging deploys own; they never manage it.
      if (env === 'ephemeral') delete expected.EcrRepository;
      for (const [sid, actions] of Object.entries(expected)) {
        expect({ env, sid, actions: bySid[sid] }).toEqual({
          env,
          sid,
          actions,
        });
      }
      // Only the staging role manages the repository.
      expect(bySid.EcrRepository === undefined).toBe(env === 'ephemeral');
      for (const action of policy.flatMap(s => s.actions)) {
        expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
      }
    }
    const production = await deployPolicy('complete', 'production');
    expect(production.find(s => s.sid === 'EcsService')?.resources).toEqual([
      'arn:aws:ecs:us-east-1:111111111111:service/zeroops-production/payments-api',
    ]);
  });

  it('uses Resource "*" only where AWS requires it, and otherwise only under tag conditions', async () => {
    const policy = await deployPolicy('staging-and-pull-requests', 'staging');
    const star = policy.filter(s => s.resources.includes('*'));
    expect(
      star
        .filter(s => s.conditions.length === 0)
        .map(s => s.sid)
        .sort(),
    ).toEqual(UNRESTRICTABLE);
    // ListServices has no resource type: only the environment's cluster, by condition.
    expect(
      star
        .filter(s => s.sid === 'EcsListServices')
        .map(s => s.conditions.map(c => [c.variable, c.values])),
    ).toEqual([
      [
        [
          'ecs:cluster',
          [`arn:aws:ecs:us-east-1:${STAGING_ACCOUNT}:cluster/zeroops-staging`],
        ],
      ],
    ]);
    for (const s of star.filter(
      x => x.conditions.length > 0 && x.sid !== 'EcsListServices',
    )) {
      expect({
        sid: s.sid,
        service: s.conditions.find(
          c => c.test !== 'Null' && c.variable.endsWith('/zeroops:service'),
        )?.values,
        environment: s.conditions.find(c =>
          c.variable.endsWith('/zeroops:environment'),
        )?.values,
      }).toEqual({
        sid: s.sid,
        service: ['payments'],
        environment: ['staging'],
      });
    }
    // The README documents every statement of the role.
    const readme = fs.readFileSync(path.join(MODULE_DIR, 'README.md'), 'utf8');
    for (const s of policy) expect(readme).toContain(`\`${s.sid}\``);
  });

  it("the pull-request role reaches pull-request resources, never staging's", async () => {
    const pr = await deployPolicy('staging-and-pull-requests', 'ephemeral');
    const patterns = namePatterns(pr);
    const staging = resourcesOf('payments', 'staging', STAGING_ACCOUNT);
    expect(staging.filter(arn => matchesAny(patterns, arn))).toEqual([]);
    // The patterns are not vacuous: pull request 12's resources do match.
    const pullRequest = resourcesOf('payments', 'pr-12', STAGING_ACCOUNT);
    expect(
      pullRequest.filter(
        arn => !matchesAny(patterns, arn) && !arn.includes('alias/'),
      ),
    ).toEqual([]);
    // PlatformVpc's condition is on the platform's VPC (zeroops:environment = ephemeral).
    for (const s of pr.filter(x => x.sid !== 'PlatformVpc')) {
      for (const c of s.conditions.filter(x =>
        x.variable.endsWith('/zeroops:environment'),
      )) {
        expect(matchesAny(c.values, 'staging')).toBe(false);
        expect(matchesAny(c.values, 'pr-12')).toBe(true);
      }
    }
  });

  it("one service's patterns never match another's resources (payments vs payments-api)", async () => {
    for (const env of ['staging', 'ephemeral']) {
      const patterns = namePatterns(
        await deployPolicy('staging-and-pull-requests', env),
      );
      const instance = env === 'staging' ? 'staging' : 'pr-12';
      expect(
        resourcesOf('payments', instance, STAGING_ACCOUNT).filter(
          arn => matchesAny(patterns, arn) || arn.includes('alias/'),
        ).length,
      ).toBeGreaterThan(10);
      for (const other of ['payments-api', 'payments-v2', 'pay']) {
        for (const otherInstance of ['staging', 'pr-12']) {
          expect({
            env,
            other,
            otherInstance,
            matched: resourcesOf(other, otherInstance, STAGING_ACCOUNT).filter(
              arn => matchesAny(patterns, arn),
            ),
          }).toEqual({ env, other, otherInstance, matched: [] });
        }
      }
    }
  });
});
