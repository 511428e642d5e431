import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { ClientOf } from '../../aws/AwsClients';
import { collectPages } from '../../aws/paginate';
import { AlarmRecord } from '../records';

/** The metric and composite alarms in ALARM of an account/region, in pages of 100. */
export function describeAlarmsInAlarm(
  cloudwatch: ClientOf<'cloudwatch'>,
): Promise<AlarmRecord[]> {
  return collectPages<AlarmRecord>(async NextToken => {
    const page = await cloudwatch.send(
      new DescribeAlarmsCommand({
        StateValue: 'ALARM',
        AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
        MaxRecords: 100,
        NextToken,
      }),
    );
    const alarms = [
      ...(page.MetricAlarms ?? []),
      ...(page.CompositeAlarms ?? []),
    ];
    return {
      items: alarms.map(alarm => ({
        name: alarm.AlarmName ?? '',
        reason: alarm.StateReason,
        since: alarm.StateUpdatedTimestamp?.toISOString(),
      })),
      nextToken: page.NextToken,
    };
  });
}
