/**
 * AWS's documented maximum name lengths for every kind of resource the ZeroOps modules name
 * after a service or environment. The longest service name is derived from this table (see
 * serviceName.ts), so raising or lowering a limit here moves every consumer at once.
 */

/** One documented AWS name limit. @public */
export interface AwsNameLimit {
  /** What is named, as AWS calls it. */
  readonly resource: string;
  /** Longest name AWS accepts. */
  readonly maxLength: number;
  /** AWS documentation page that states the limit. */
  readonly source: string;
}

const api = (service: string, action: string) =>
  `https://docs.aws.amazon.com/${service}/latest/APIReference/API_${action}.html`;

/** AWS name limits by key; keys are used by {@link NAME_FORMS} and the Terraform tests. @public */
export const AWS_NAME_LIMITS = {
  targetGroup: {
    resource: 'Elastic Load Balancing target group name',
    maxLength: 32,
    source: api('elasticloadbalancing', 'CreateTargetGroup'),
  },
  loadBalancer: {
    resource: 'Elastic Load Balancing load balancer name',
    maxLength: 32,
    source: api('elasticloadbalancing', 'CreateLoadBalancer'),
  },
  ecsService: {
    resource: 'ECS service name',
    maxLength: 255,
    source: api('AmazonECS', 'CreateService'),
  },
  ecsCluster: {
    resource: 'ECS cluster name',
    maxLength: 255,
    source: api('AmazonECS', 'CreateCluster'),
  },
  taskDefinitionFamily: {
    resource: 'ECS task definition family',
    maxLength: 255,
    source: api('AmazonECS', 'RegisterTaskDefinition'),
  },
  iamRole: {
    resource: 'IAM role name',
    maxLength: 64,
    source:
      'https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html',
  },
  cloudWatchAlarm: {
    resource: 'CloudWatch alarm name',
    maxLength: 255,
    source:
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html',
  },
  cloudWatchDashboard: {
    resource: 'CloudWatch dashboard name',
    maxLength: 255,
    source:
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutDashboard.html',
  },
  logGroup: {
    resource: 'CloudWatch Logs log group name',
    maxLength: 512,
    source:
      'https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html',
  },
  kmsAlias: {
    resource: 'KMS alias name (including "alias/")',
    maxLength: 256,
    source:
      'https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html',
  },
  ecrRepository: {
    resource: 'ECR repository name',
    maxLength: 256,
    source: api('AmazonECR', 'CreateRepository'),
  },
  securityGroup: {
    resource: 'EC2 security group name',
    maxLength: 255,
    source:
      'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html',
  },
  auroraCluster: {
    resource: 'RDS DB cluster identifier',
    maxLength: 63,
    source: api('AmazonRDS', 'CreateDBCluster'),
  },
  dbInstance: {
    resource: 'RDS DB instance identifier',
    maxLength: 63,
    source: api('AmazonRDS', 'CreateDBInstance'),
  },
  dbClusterSnapshot: {
    resource: 'RDS DB cluster snapshot identifier (final snapshot)',
    maxLength: 63,
    source: api('AmazonRDS', 'CreateDBClusterSnapshot'),
  },
  dbSubnetGroup: {
    resource: 'RDS DB subnet group name',
    maxLength: 255,
    source: api('AmazonRDS', 'CreateDBSubnetGroup'),
  },
  dbClusterParameterGroup: {
    resource: 'RDS DB cluster parameter group name',
    maxLength: 255,
    source: api('AmazonRDS', 'CreateDBClusterParameterGroup'),
  },
  backupVault: {
    resource: 'AWS Backup vault name',
    maxLength: 50,
    source:
      'https://docs.aws.amazon.com/aws-backup/latest/devguide/API_CreateBackupVault.html',
  },
  backupPlan: {
    resource: 'AWS Backup plan name',
    maxLength: 50,
    source:
      'https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupPlanInput.html',
  },
  backupSelection: {
    resource: 'AWS Backup selection name',
    maxLength: 50,
    source:
      'https://docs.aws.amazon.com/aws-backup/latest/devguide/API_BackupSelection.html',
  },
  elastiCacheServerless: {
    resource: 'ElastiCache serverless cache name',
    maxLength: 40,
    source:
      'https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateServerlessCache.html',
  },
  secret: {
    resource: 'Secrets Manager secret name',
    maxLength: 512,
    source:
      'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html',
  },
  s3Bucket: {
    resource: 'S3 general purpose bucket name',
    maxLength: 63,
    source:
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html',
  },
  snsTopic: {
    resource: 'SNS topic name',
    maxLength: 256,
    source: 'https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html',
  },
  autoScalingPolicy: {
    resource: 'Application Auto Scaling policy name',
    maxLength: 256,
    source:
      'https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScalingPolicy.html',
  },
  autoScalingScheduledAction: {
    resource: 'Application Auto Scaling scheduled action name',
    maxLength: 256,
    source:
      'https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScheduledAction.html',
  },
  cloudFrontOriginAccessControl: {
    resource: 'CloudFront origin access control name',
    maxLength: 64,
    source:
      'https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_OriginAccessControlConfig.html',
  },
  cloudFrontPolicy: {
    resource:
      'CloudFront response headers / origin request policy name (128 per the CloudFront console and quotas)',
    maxLength: 128,
    source:
      'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html',
  },
  wafWebAcl: {
    resource: 'WAF web ACL name',
    maxLength: 128,
    source:
      'https://docs.aws.amazon.com/waf/latest/APIReference/API_CreateWebACL.html',
  },
  budget: {
    resource: 'AWS Budgets budget name',
    maxLength: 100,
    source:
      'https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_budgets_Budget.html',
  },
  cloudTrail: {
    resource: 'CloudTrail trail name',
    maxLength: 128,
    source:
      'https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html',
  },
  ssmParameter: {
    resource: 'Systems Manager parameter name',
    maxLength: 1011,
    source:
      'https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html',
  },
  route53KeySigningKey: {
    resource:
      'Route 53 DNSSEC key-signing key name (letters, digits, underscores)',
    maxLength: 128,
    source:
      'https://docs.aws.amazon.com/Route53/latest/APIReference/API_CreateKeySigningKey.html',
  },
} as const satisfies Record<string, AwsNameLimit>;

/** A key of {@link AWS_NAME_LIMITS}. @public */
export type AwsNameLimitKey = keyof typeof AWS_NAME_LIMITS;
