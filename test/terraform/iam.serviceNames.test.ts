import {
  isReservedServiceName,
  RESERVED_SERVICE_NAME_RULES,
} from '@zeroops/backstage-plugin-zeroops-common';
import { ExpressionEvaluator } from './lib/evaluator.ts';
import type { Scope } from './lib/evaluator.ts';
import { blocksOf, loadTerraformModule } from './lib/hcl.ts';
import { Unknown } from './lib/values.ts';
import type { TfValue } from './lib/values.ts';
import { MODULE_DIR } from './iam-fixtures.ts';

/** The github-oidc module rejects exactly the service names zeroops-common reserves. */

jest.setTimeout(240_000);

describe('github-oidc least-privilege deploy roles', () => {
  it('rejects reserved and pattern-confusing service names, as zeroops-common does', async () => {
    const module = await loadTerraformModule(MODULE_DIR);
    const variable = module.variables.find(v => v.name === 'service');
    if (!variable) throw new Error('no service variable');
    const evaluator = new ExpressionEvaluator();
    const valid = async (service: string, platform = false) => {
      const scope: Scope = {
        variables: new Map<string, TfValue>([
          ['service', service],
          ['platform_repository', platform],
        ]),
        bindings: new Map(),
        local: async name => new Unknown(`local.${name}`, false),
      };
      for (const validation of blocksOf(variable.body, 'validation')) {
        if ((await evaluator.evaluate(validation.condition, scope)) !== true)
          return false;
      }
      return true;
    };
    for (const name of ['payments', 'payments-api', 'orders-worker']) {
      expect({ name, valid: await valid(name) }).toEqual({ name, valid: true });
    }
    const reserved = ['zeroops', 'zeroops-platform', 'platform', 'shared'];
    const confusing = ['payments-staging', 'orders-pr', 'api-production-x'];
    for (const name of [...reserved, ...confusing]) {
      expect({ name, valid: await valid(name) }).toEqual({
        name,
        valid: false,
      });
    }
    // The platform's own repository keeps its reserved name.
    expect(await valid('zeroops-platform', true)).toBe(true);
    // The scaffolder validates with zeroops-common: both must reject exactly the same names,
    // and every rule there must be exercised here (a new rule fails until Terraform has it).
    const corpus = [
      ...reserved,
      ...confusing,
      ...['zeroops-x', 'zeroopsx', 'platform-api', 'shared-cache', 'sharedx'],
      ...['pr-bot', 'staging-proxy', 'ephemeral', 'prod-api', 'apr', 'preview'],
      ...['sthree-files', 'amzn-s3-demo-x', 'payments', 'payments-api'],
    ];
    for (const rule of RESERVED_SERVICE_NAME_RULES) {
      expect({
        rule: rule.pattern.source,
        exercised: corpus.some(name => rule.pattern.test(name)),
      }).toEqual({ rule: rule.pattern.source, exercised: true });
    }
    for (const name of corpus) {
      expect({ name, terraformAccepts: await valid(name) }).toEqual({
        name,
        terraformAccepts: !isReservedServiceName(name),
      });
    }
  });
});
