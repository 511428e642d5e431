/** The evaluated deploy policies of terraform-modules/github-oidc and what they may reach, for the iam*.test.ts tests. */
import path from 'node:path';
import {
  alarmNamePrefix,
  dataStoreIdentifier,
  ecsServiceName,
  logGroupName,
  targetGroupNames,
  taskDefinitionFamily,
} from '@zeroops/backstage-plugin-zeroops-common';
import type { EvaluatedModule } from './lib/evaluated-module.ts';
import { evaluateAllModules } from './lib/module-suite.ts';
import { MODULES_ROOT } from './lib/repository.ts';
import { blocks } from './lib/values.ts';
import type { TfObject, TfValue } from './lib/values.ts';

export const MODULE_DIR = path.join(MODULES_ROOT, 'github-oidc');

export interface Statement {
  sid: string;
  actions: string[];
  resources: string[];
  conditions: { test: string; variable: string; values: string[] }[];
}

export const strings = (value: TfValue | undefined): string[] => {
  if (!Array.isArray(value)) throw new Error(`not a list: ${String(value)}`);
  return value.map(v => {
    if (typeof v !== 'string') throw new Error(`not evaluated: ${String(v)}`);
    return v;
  });
};

export function statementsOf(document: TfObject): Statement[] {
  return blocks(document, 'statement').map(s => ({
    sid: String(s.sid),
    actions: strings(s.actions),
    resources: strings(s.resources),
    conditions: blocks(s, 'condition').map(c => ({
      test: String(c.test),
      variable: String(c.variable),
      values: strings(c.values).map(String),
    })),
  }));
}

export async function scenario(example: string): Promise<EvaluatedModule> {
  const model = (await evaluateAllModules()).find(
    m =>
      m.name === 'github-oidc' && m.scenario.startsWith(`examples/${example} `),
  );
  if (!model) throw new Error(`no github-oidc example ${example}`);
  return model;
}

/** The deploy policy of one environment role, evaluated. */
export async function deployPolicy(
  example: string,
  environment: string,
): Promise<Statement[]> {
  const model = await scenario(example);
  const document = model.resources.find(
    r => r.address === `data.aws_iam_policy_document.deploy["${environment}"]`,
  );
  if (!document) throw new Error(`no deploy policy for ${environment}`);
  return statementsOf(document.body);
}

/** IAM's wildcard matching: `*` is any run of characters (also "/"), `?` one character. */
export function iamPattern(pattern: string): RegExp {
  const escaped = pattern
    .split('')
    .map(c => {
      if (c === '*') return '.*';
      if (c === '?') return '.';
      return c.replace(/[.+^${}()|[\]\\/-]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${escaped}$`);
}

export const matchesAny = (patterns: string[], value: string) =>
  patterns.some(p => iamPattern(p).test(value));

/**
 * Concrete ARNs of a service's resources in an environment instance, derived with the naming
 * contract the modules, workflows and backend share.
 */
export function resourcesOf(
  service: string,
  instance: string,
  account: string,
): string[] {
  const ephemeral = instance.startsWith('pr-');
  const cluster = ephemeral ? 'zeroops-ephemeral' : `zeroops-${instance}`;
  const family = taskDefinitionFamily(service, instance);
  const name = dataStoreIdentifier(service, instance);
  const region = 'us-east-1';
  const arn = (svc: string, rest: string) =>
    `arn:aws:${svc}:${region}:${account}:${rest}`;
  const stateKey = ephemeral
    ? `${service}/ephemeral/${instance}/terraform.tfstate`
    : `${service}/${instance}/terraform.tfstate`;
  return [
    arn('ecs', `service/${cluster}/${ecsServiceName(service, instance)}`),
    arn(
      'ecs',
      `service-deployment/${cluster}/${ecsServiceName(service, instance)}/abc`,
    ),
    arn('ecs', `task-definition/${family}:7`),
    `arn:aws:iam::${account}:role/${name}-task`,
    `arn:aws:iam::${account}:role/${name}-execution`,
    `arn:aws:iam::${account}:role/${name}-ecs-traffic`,
    arn('logs', `log-group:${logGroupName(service, instance)}`),
    arn('logs', `log-group:${logGroupName(service, instance)}:*`),
    arn('cloudwatch', `alarm:${alarmNamePrefix(service, instance)}cpu-high`),
    arn(
      'elasticloadbalancing',
      `targetgroup/${
        targetGroupNames(service, instance).blue
      }/0123456789abcdef`,
    ),
    arn('rds', `cluster:${name}`),
    arn('rds', `db:${name}-1`),
    arn('elasticache', `serverlesscache:${name}`),
    arn('secretsmanager', `secret:${service}/${instance}/api-key-AbCdEf`),
    arn('kms', `alias/${name}-service`),
    arn('sns', `${name}-alarms`),
    `arn:aws:s3:::${name}-static-${account}`,
    `arn:aws:s3:::zeroops-tfstate-${account}-${region}/${stateKey}`,
    `arn:aws:s3:::zeroops-tfstate-${account}-${region}/${stateKey}.tflock`,
  ];
}

/** Resource patterns of statements without a tag condition (those scope by name alone). */
export const namePatterns = (policy: Statement[]) =>
  policy
    .filter(s => !s.resources.includes('*'))
    .flatMap(s => s.resources)
    // Account-wide resources with generated ids (documented in the README).
    .filter(
      r =>
        !/(hostedzone|healthcheck|change|managedruleset|-policy|origin-access-control)\//.test(
          r,
        ),
    );

export const STAGING_ACCOUNT = '222222222222';

/** Every action a staging deploy role has, by statement. */
export const STAGING_ACTIONS: Record<string, string[]> = {
  EcrLogin: ['ecr:GetAuthorizationToken'],
  EcrPush: [
    'ecr:BatchCheckLayerAvailability',
    'ecr:BatchGetImage',
    'ecr:CompleteLayerUpload',
    'ecr:DescribeImages',
    'ecr:DescribeRepositories',
    'ecr:GetDownloadUrlForLayer',
    'ecr:InitiateLayerUpload',
    'ecr:ListTagsForResource',
    'ecr:PutImage',
    'ecr:UploadLayerPart',
  ],
  EcrRepository: [
    'ecr:CreateRepository',
    'ecr:DeleteLifecyclePolicy',
    'ecr:DeleteRepositoryPolicy',
    'ecr:GetLifecyclePolicy',
    'ecr:GetRepositoryPolicy',
    'ecr:PutImageScanningConfiguration',
    'ecr:PutLifecyclePolicy',
    'ecr:SetRepositoryPolicy',
    'ecr:TagResource',
    'ecr:UntagResource',
  ],
  EcsService: [
    'ecs:CreateService',
    'ecs:DeleteService',
    'ecs:DescribeServices',
    'ecs:ListServiceDeployments',
    'ecs:ListTagsForResource',
    'ecs:TagResource',
    'ecs:UntagResource',
    'ecs:UpdateService',
  ],
  EcsServiceDeployments: ['ecs:DescribeServiceDeployments'],
  EcsRegisterTaskDefinition: ['ecs:RegisterTaskDefinition'],
  EcsReadTaskDefinitions: ['ecs:DescribeTaskDefinition'],
  EcsDeregisterTaskDefinitions: ['ecs:DeregisterTaskDefinition'],
  EcsRunMigrationTask: ['ecs:RunTask'],
  EcsReadTasks: ['ecs:DescribeTasks'],
  EcsListServices: ['ecs:ListServices'],
  PassTaskRole: ['iam:PassRole'],
  PassExecutionRole: ['iam:PassRole'],
  PassEcsInfrastructureRole: ['iam:PassRole'],
  PassBackupRole: ['iam:PassRole'],
  PassReplicationRole: ['iam:PassRole'],
  StateList: ['s3:ListBucket'],
  StateReadWrite: ['s3:GetObject', 's3:PutObject'],
  StateLock: ['s3:DeleteObject', 's3:GetObject', 's3:PutObject'],
  StateKey: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
};

/** Statements whose Resource is "*" without any condition: AWS offers no resource type. */
export const UNRESTRICTABLE = [
  'CreateHealthChecks',
  'Describe',
  'EcrLogin',
  'EcsReadTaskDefinitions',
];
