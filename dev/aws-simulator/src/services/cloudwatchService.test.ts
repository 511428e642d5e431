import {
  DescribeAlarmsCommand,
  InvalidNextToken,
  paginateDescribeAlarms,
} from '@aws-sdk/client-cloudwatch';
import { FIXED_NOW, assumeRoleIn, clients } from '../__testUtils__/clients.ts';
import { useSimulator } from '../__testUtils__/useSimulator.ts';

describe('CloudWatch DescribeAlarms through @aws-sdk/client-cloudwatch', () => {
  const demo = useSimulator();

  it('shows the firing staging latency alarm with its metric definition', async () => {
    const cloudwatch = clients.cloudwatch(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, '222222222222'),
    });
    const out = await cloudwatch.send(
      new DescribeAlarmsCommand({ StateValue: 'ALARM' }),
    );
    expect(out.MetricAlarms!.map(a => a.AlarmName)).toEqual([
      'payments-api-staging-p99-latency',
    ]);
    const [alarm] = out.MetricAlarms!;
    expect(alarm).toMatchObject({
      AlarmArn:
        'arn:aws:cloudwatch:us-east-1:222222222222:alarm:payments-api-staging-p99-latency',
      StateValue: 'ALARM',
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'TargetResponseTime',
      ExtendedStatistic: 'p99',
      Threshold: 1.5,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    expect(alarm.StateReason).toMatch(/greater than the threshold/);
    expect(alarm.StateUpdatedTimestamp).toBeInstanceOf(Date);
    expect(alarm.StateUpdatedTimestamp!.getTime()).toBeLessThan(
      FIXED_NOW.getTime(),
    );
    expect(JSON.parse(alarm.StateReasonData!).recentDatapoints).toHaveLength(3);
  });

  it('returns every alarm of a prefix exactly once across pages', async () => {
    const cloudwatch = clients.cloudwatch(demo.simulator, {
      credentials: await assumeRoleIn(demo.simulator, '111111111111'),
    });
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeAlarms(
      { client: cloudwatch, pageSize: 2 },
      { AlarmNamePrefix: 'payments-api-production-' },
    )) {
      pages++;
      names.push(...page.MetricAlarms!.map(a => a.AlarmName!));
    }
    expect(pages).toBe(4);
    expect(names).toEqual([
      'payments-api-production-alb-5xx',
      'payments-api-production-aurora-acu-high',
      'payments-api-production-aurora-connections-high',
      'payments-api-production-cpu-high',
      'payments-api-production-memory-high',
      'payments-api-production-p99-latency',
      'payments-api-production-unhealthy-hosts',
    ]);
  });

  it('rejects a token from another request with the modeled InvalidNextToken error', async () => {
    const cloudwatch = clients.cloudwatch(demo.simulator);
    await expect(
      cloudwatch.send(new DescribeAlarmsCommand({ NextToken: 'bogus' })),
    ).rejects.toBeInstanceOf(InvalidNextToken);
  });
});
