import { listenerRulePriority } from '@zeroops/backstage-plugin-zeroops-common';
import path from 'node:path';
import { loadTerraformModule } from '../../terraform/lib/hcl';

/**
 * Pull-request numbers to evaluate ephemeral priorities at: a team of 5-10 developers reaches a
 * few thousand pull requests over the life of a repository.
 */
const PULL_REQUEST_NUMBERS = Array.from({ length: 3000 }, (_, i) => i + 1);

/** One listener rule priority a generated environment would claim. */
export interface ClaimedPriority {
  /** The listener the rule is on: each environment folder has its platform's shared listener. */
  listener: string;
  priority: number;
}

/**
 * The listener rule priorities a generated service's infrastructure claims. The ecs-service
 * call gets `listener_rule_slot`: a number, or the SSM parameter the foundation's load-balancer
 * module publishes for this service (`.../listener-rule-slots/${local.service}`), which is
 * resolved from `registry` (the foundation's `service_listener_rule_slots`). Priorities follow
 * from the slot by zeroops-common's listenerRulePriority, the formula the module implements.
 */
export async function listenerRulePriorities(
  root: string,
  serviceName: string,
  registry: Record<string, number>,
): Promise<ClaimedPriority[]> {
  const claimed: ClaimedPriority[] = [];
  for (const env of ['production', 'staging', 'ephemeral']) {
    const dir = path.join(root, 'infrastructure/environments', env);
    const module = await loadTerraformModule(dir);
    for (const call of module.moduleCalls) {
      const value = call.body.listener_rule_slot;
      if (value === undefined) continue;
      let slot: number;
      if (typeof value === 'number') {
        slot = value;
      } else if (
        String(value).includes('data.aws_ssm_parameter.listener_rule_slot') &&
        module.dataSources.some(
          d =>
            d.name.includes('listener_rule_slot') &&
            String(d.body.name).endsWith(
              '/listener-rule-slots/${local.service}',
            ),
        )
      ) {
        slot = registry[serviceName];
      } else {
        throw new Error(
          `${env}: listener_rule_slot ${JSON.stringify(
            value,
          )} is neither a number nor the foundation's registry entry`,
        );
      }
      const instances =
        env === 'ephemeral' ? PULL_REQUEST_NUMBERS.map(n => `pr-${n}`) : [env];
      for (const instance of instances) {
        claimed.push({
          listener: env,
          priority: listenerRulePriority(slot, instance),
        });
      }
    }
  }
  return claimed;
}
