import { BudgetsClient, CreateBudgetCommand } from '@aws-sdk/client-budgets';
import {
  CloudWatchClient,
  PutMetricAlarmCommand,
  SetAlarmStateCommand,
  StandardUnit,
} from '@aws-sdk/client-cloudwatch';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import {
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateDBClusterCommand, RDSClient } from '@aws-sdk/client-rds';
import { AwsQueryProtocol } from '@aws-sdk/core/protocols';
import {
  signRequest,
  type AlarmModel,
  type InstanceModel,
  type TaskDefinitionModel,
  type World,
} from '@zeroops/aws-simulator';
import {
  alarmNamePrefix,
  APP_CONTAINER_NAME,
  COST_ALLOCATION_TAGS,
  dataStoreIdentifier,
  ecsServiceName,
  logGroupName,
  targetGroupNames,
  taskDefinitionFamily,
} from '@zeroops/backstage-plugin-zeroops-common';

/** Base credentials of the seeder; moto accepts any key and files it under MOTO_ACCOUNT_ID. */
const SEED_CREDENTIALS = { accessKeyId: 'seeder', secretAccessKey: 'seeder' };

interface Clients {
  ecs: ECSClient;
  elbv2: ElasticLoadBalancingV2Client;
  cloudwatch: CloudWatchClient;
  rds: RDSClient;
  budgets: BudgetsClient;
}

function clientsFor(endpoint: string, region: string): Clients {
  const config = { endpoint, region, credentials: SEED_CREDENTIALS };
  return {
    ecs: new ECSClient(config),
    elbv2: new ElasticLoadBalancingV2Client(config),
    // moto 5.2.6 serves CloudWatch in awsQuery (and CBOR) only, not the SDK's awsJson1_0.
    cloudwatch: new CloudWatchClient({ ...config, protocol: AwsQueryProtocol }),
    rds: new RDSClient(config),
    budgets: new BudgetsClient(config),
  };
}

/**
 * moto's target groups need a VPC. The readers never call EC2, so the AWS SDK's EC2 client is
 * not a dependency: one SigV4-signed awsQuery request creates it.
 */
async function createVpc(endpoint: string, region: string): Promise<string> {
  const url = new URL(endpoint);
  const body = 'Action=CreateVpc&Version=2016-11-15&CidrBlock=10.40.0.0%2F16';
  const headers = signRequest({
    method: 'POST',
    host: url.host,
    path: '/',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    },
    body,
    region,
    service: 'ec2',
    ...SEED_CREDENTIALS,
    now: new Date(),
  });
  const response = await fetch(`${endpoint}/`, {
    method: 'POST',
    headers,
    body,
  });
  const text = await response.text();
  const vpcId = /<vpcId>(vpc-[0-9a-f]+)<\/vpcId>/.exec(text)?.[1];
  if (!response.ok || !vpcId) {
    throw new Error(`CreateVpc failed (HTTP ${response.status}): ${text}`);
  }
  return vpcId;
}

/**
 * Registers revisions 1…n of a family, as n deployments would have: moto numbers revisions
 * itself, so this is how the task definition ARNs of both worlds come out equal.
 */
async function registerTaskDefinition(
  ecs: ECSClient,
  instance: InstanceModel,
  td: TaskDefinitionModel,
): Promise<void> {
  const family = taskDefinitionFamily(instance.service.name, instance.name);
  for (let revision = 1; revision <= td.revision; revision++) {
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: String(td.cpu),
        memory: String(td.memory),
        executionRoleArn: td.executionRoleArn,
        taskRoleArn: td.taskRoleArn,
        containerDefinitions: [
          {
            name: APP_CONTAINER_NAME,
            image: td.image,
            essential: true,
            portMappings:
              td.containerPort !== undefined
                ? [{ containerPort: td.containerPort, protocol: 'tcp' }]
                : [],
            // As the ecs-service Terraform module writes it.
            logConfiguration: {
              logDriver: 'awslogs',
              options: {
                'awslogs-group': logGroupName(
                  instance.service.name,
                  instance.name,
                ),
                'awslogs-region': instance.region,
                'awslogs-stream-prefix': APP_CONTAINER_NAME,
              },
            },
          },
        ],
      }),
    );
  }
}

/** Target groups of a load-balanced instance, with the running tasks registered as targets. */
async function createTargetGroups(
  elbv2: ElasticLoadBalancingV2Client,
  instance: InstanceModel,
  vpcId: string,
): Promise<Map<'b' | 'g', string>> {
  const arns = new Map<'b' | 'g', string>();
  if (instance.targetGroups.length === 0) return arns;
  const names = targetGroupNames(instance.service.name, instance.name);
  for (const group of instance.targetGroups) {
    const created = await elbv2.send(
      new CreateTargetGroupCommand({
        Name: group.color === 'b' ? names.blue : names.green,
        Protocol: 'HTTP',
        Port: group.port,
        VpcId: vpcId,
        TargetType: 'ip',
        HealthCheckPath: '/health',
      }),
    );
    const arn = created.TargetGroups?.[0]?.TargetGroupArn;
    if (!arn) throw new Error(`CreateTargetGroup returned no ARN`);
    arns.set(group.color, arn);
    const targets = instance.tasks
      .filter(task => task.lastStatus === 'RUNNING')
      .filter(task => task.target?.color === group.color)
      .map(task => ({ Id: task.privateIp, Port: group.port }));
    if (targets.length > 0) {
      await elbv2.send(
        new RegisterTargetsCommand({ TargetGroupArn: arn, Targets: targets }),
      );
    }
  }
  return arns;
}

async function createService(
  ecs: ECSClient,
  instance: InstanceModel,
  targetGroupArns: Map<'b' | 'g', string>,
): Promise<void> {
  const primary = instance.deployments.find(d => d.status === 'PRIMARY');
  if (!primary) throw new Error(`${instance.key} has no PRIMARY deployment`);
  const blue = targetGroupArns.get('b');
  const port = instance.targetGroups.find(tg => tg.color === 'b')?.port;
  await ecs.send(
    new CreateServiceCommand({
      cluster: instance.cluster.name,
      serviceName: ecsServiceName(instance.service.name, instance.name),
      taskDefinition: primary.taskDefinition.arn,
      desiredCount: instance.desiredCount,
      launchType: 'FARGATE',
      loadBalancers: blue
        ? [
            {
              targetGroupArn: blue,
              containerName: APP_CONTAINER_NAME,
              containerPort: port,
            },
          ]
        : [],
      deploymentConfiguration: {
        deploymentCircuitBreaker: { enable: true, rollback: true },
        strategy: instance.strategy,
      },
    }),
  );
}

/** One of the monitoring module's alarms, in the state the world gives it. */
async function createAlarm(
  cloudwatch: CloudWatchClient,
  instance: InstanceModel,
  alarm: AlarmModel,
): Promise<void> {
  const name = `${alarmNamePrefix(instance.service.name, instance.name)}${
    alarm.signal
  }`;
  await cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: name,
      AlarmDescription: alarm.description,
      Namespace: alarm.namespace,
      MetricName: alarm.metricName,
      Statistic: alarm.statistic,
      ExtendedStatistic: alarm.extendedStatistic,
      Dimensions: alarm.dimensions,
      Period: alarm.period,
      EvaluationPeriods: alarm.evaluationPeriods,
      DatapointsToAlarm: alarm.datapointsToAlarm,
      Threshold: alarm.threshold,
      ComparisonOperator: alarm.comparisonOperator,
      TreatMissingData: alarm.treatMissingData,
      AlarmActions: alarm.alarmActions,
      OKActions: alarm.okActions,
      Unit: alarm.unit as StandardUnit | undefined,
    }),
  );
  // CloudWatch evaluates metrics into states; moto has no metrics, so the state is set.
  await cloudwatch.send(
    new SetAlarmStateCommand({
      AlarmName: name,
      StateValue: alarm.state,
      StateReason: alarm.stateReason,
      StateReasonData: alarm.stateReasonData,
    }),
  );
}

async function createDatabase(
  rds: RDSClient,
  instance: InstanceModel,
): Promise<void> {
  const database = instance.database;
  if (!database) return;
  await rds.send(
    new CreateDBClusterCommand({
      DBClusterIdentifier: dataStoreIdentifier(
        instance.service.name,
        instance.name,
      ),
      Engine: 'aurora-postgresql',
      EngineVersion: database.engineVersion,
      EngineMode: 'provisioned',
      MasterUsername: 'zeroops',
      MasterUserPassword: 'contract-test-only-1',
      ServerlessV2ScalingConfiguration: {
        MinCapacity: database.minCapacity,
        MaxCapacity: database.maxCapacity,
      },
      StorageEncrypted: true,
      DeletionProtection: database.deletionProtection,
      BackupRetentionPeriod: database.backupRetentionDays,
    }),
  );
}

/**
 * Replays the world the simulator resolved from the contract scenario through moto's AWS APIs,
 * the way the Terraform modules and ECS would create it. Names come from the naming contract
 * (`zeroops-common`), generated values (image digests, revisions, target IPs, alarm reasons)
 * from the world, and everything AWS itself derives (ARNs, statuses, counts, health) is left to
 * moto: those are the fields the comparison tests.
 */
export async function seedMoto(endpoint: string, world: World): Promise<void> {
  const clients = clientsFor(endpoint, world.region);
  try {
    for (const cluster of world.clusters) {
      await clients.ecs.send(
        new CreateClusterCommand({ clusterName: cluster.name }),
      );
    }
    const vpcId = await createVpc(endpoint, world.region);
    for (const instance of world.instances) {
      const family = taskDefinitionFamily(instance.service.name, instance.name);
      for (const td of world.taskDefinitions.filter(
        t => t.account === instance.account && t.family === family,
      )) {
        await registerTaskDefinition(clients.ecs, instance, td);
      }
      const targetGroups = await createTargetGroups(
        clients.elbv2,
        instance,
        vpcId,
      );
      await createService(clients.ecs, instance, targetGroups);
    }
    // CloudWatch and RDS list by name; moto lists in creation order. Creating in name order
    // makes moto's order AWS's.
    const byName = (a: string, b: string) => (a < b ? -1 : Number(a > b));
    const alarms = world.instances
      .flatMap(instance => instance.alarms.map(alarm => ({ instance, alarm })))
      .sort((a, b) => byName(a.alarm.name, b.alarm.name));
    for (const { instance, alarm } of alarms) {
      await createAlarm(clients.cloudwatch, instance, alarm);
    }
    const databases = world.instances
      .filter(instance => instance.database)
      .sort((a, b) => byName(a.database!.identifier, b.database!.identifier));
    for (const instance of databases) {
      await createDatabase(clients.rds, instance);
    }
    for (const budget of world.budgets) {
      await clients.budgets.send(
        new CreateBudgetCommand({
          AccountId: budget.account,
          Budget: {
            BudgetName: budget.name,
            BudgetType: 'COST',
            TimeUnit: 'MONTHLY',
            BudgetLimit: { Amount: String(budget.limit), Unit: 'USD' },
            // As the budgets Terraform module writes a service budget's filter.
            CostFilters: budget.service
              ? {
                  TagKeyValue: [
                    `user:${COST_ALLOCATION_TAGS.service}$${budget.service}`,
                  ],
                }
              : undefined,
          },
        }),
      );
    }
  } finally {
    for (const client of Object.values(clients)) client.destroy();
  }
}
