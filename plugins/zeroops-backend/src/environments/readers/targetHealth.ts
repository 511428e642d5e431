import { DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { TargetHealthSummary } from '@zeroops/backstage-plugin-zeroops-common';
import { ClientOf } from '../../aws/AwsClients';

/**
 * Target health of a service's target groups (blue/green: both colours), summed over the
 * groups that have targets registered; null when none has.
 */
export async function describeTargetHealth(
  elb: ClientOf<'elbv2'>,
  targetGroupArns: readonly string[],
): Promise<TargetHealthSummary | null> {
  const groups = await Promise.all(
    targetGroupArns.map(async arn => {
      const result = await elb.send(
        new DescribeTargetHealthCommand({ TargetGroupArn: arn }),
      );
      return { arn, targets: result.TargetHealthDescriptions ?? [] };
    }),
  );
  // The colour that has targets registered serves traffic; during a blue/green shift
  // both have targets and both count.
  const serving = groups.filter(g => g.targets.length > 0);
  if (serving.length === 0) return null;
  const summary: TargetHealthSummary = {
    targetGroupArn: serving[0].arn,
    targetGroupName: serving.map(g => targetGroupNameOf(g.arn)).join(', '),
    total: 0,
    healthy: 0,
    unhealthy: 0,
    other: 0,
    unhealthyReasons: [],
  };
  const reasons = new Set<string>();
  for (const target of serving.flatMap(g => g.targets)) {
    summary.total++;
    const state = target.TargetHealth?.State;
    if (state === 'healthy') summary.healthy++;
    else if (state === 'unhealthy') {
      summary.unhealthy++;
      const reason =
        target.TargetHealth?.Description ?? target.TargetHealth?.Reason;
      if (reason) reasons.add(reason);
    } else summary.other++;
  }
  summary.unhealthyReasons = [...reasons];
  return summary;
}

/** `arn:...:targetgroup/payments-api-production-b/0123` → `payments-api-production-b` */
function targetGroupNameOf(arn: string): string {
  const parts = arn.split('/');
  return parts.length >= 2 ? parts[parts.length - 2] : arn;
}
