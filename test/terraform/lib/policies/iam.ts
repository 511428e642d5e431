import type { EvaluatedModule } from '../evaluated-module.ts';
import { allDocumentStatements, policyStatements } from './policy-documents.ts';
import type { PolicyStatement } from './policy-documents.ts';
import { finding, resourcesOf, subjects } from './policy-rule.ts';
import type { PolicyRule } from './policy-rule.ts';

/** Resources whose policy argument is an identity policy (what a principal may do). */
const IDENTITY_POLICY_TYPES = [
  'aws_iam_role_policy',
  'aws_iam_policy',
  'aws_iam_user_policy',
  'aws_iam_group_policy',
];

/** Actions AWS does not let you scope to a resource, so `Resource: "*"` is the only option. */
const UNSCOPABLE_ACTIONS = new Set([
  'ecr:GetAuthorizationToken',
  'ssmmessages:CreateControlChannel',
  'ssmmessages:CreateDataChannel',
  'ssmmessages:OpenControlChannel',
  'ssmmessages:OpenDataChannel',
  'cloudwatch:PutMetricData',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'sts:GetCallerIdentity',
]);

const WILDCARD_ACTION = /^(\*|[\w-]+:\*)$/;

/** GitHub OIDC subjects that name exactly one repository and one environment or the PR context. */
const EXACT_GITHUB_SUBJECT =
  /^repo:[A-Za-z0-9_.-]+(@[0-9]+)?\/[A-Za-z0-9_.-]+(@[0-9]+)?:(environment:[A-Za-z0-9_.-]+|pull_request|ref:refs\/heads\/[A-Za-z0-9_./-]+)$/;

function identityStatements(
  model: EvaluatedModule,
): { resource: string; statements: PolicyStatement[] }[] {
  return resourcesOf(model, IDENTITY_POLICY_TYPES).map(r => ({
    resource: r.address,
    statements: policyStatements(model, r.body.policy),
  }));
}

export const iamRules: PolicyRule[] = [
  {
    id: 'CKV_AWS_63',
    alsoKnownAs: ['CKV_AWS_62', 'CKV_AWS_1'],
    title: 'iam policies allow no wildcard actions',
    resourceTypes: ['data.aws_iam_policy_document', ...IDENTITY_POLICY_TYPES],
    check(model) {
      const inline = identityStatements(model).flatMap(p =>
        p.statements
          .filter(s => s.origin === 'inline JSON')
          .map(s => ({ ...s, origin: p.resource })),
      );
      return [...allDocumentStatements(model), ...inline]
        .filter(s => s.effect === 'Allow')
        .flatMap(s => {
          if (s.actionsUnknown) {
            return [
              finding(
                this,
                model,
                undefined,
                `${s.origin}: actions must be a known list`,
              ),
            ];
          }
          const wild = s.actions.filter(a => WILDCARD_ACTION.test(a));
          return wild.length > 0 || s.notActions.length > 0
            ? [
                finding(
                  this,
                  model,
                  undefined,
                  `${
                    s.origin
                  }: Allow statement with wildcard or NotAction actions ${JSON.stringify(
                    [...wild, ...s.notActions],
                  )}`,
                ),
              ]
            : [];
        });
    },
  },
  {
    id: 'CKV_AWS_356',
    alsoKnownAs: ['CKV_AWS_355', 'CKV_AWS_290'],
    title:
      'iam identity policies use Resource "*" only for actions that cannot be scoped',
    resourceTypes: IDENTITY_POLICY_TYPES,
    check(model) {
      return identityStatements(model).flatMap(({ resource, statements }) =>
        statements
          .filter(s => s.effect === 'Allow' && s.resources.includes('*'))
          .filter(s => s.actions.some(a => !UNSCOPABLE_ACTIONS.has(a)))
          .map(s =>
            finding(
              this,
              model,
              undefined,
              `${resource} (${
                s.origin
              }): Resource "*" for scopable actions ${JSON.stringify(
                s.actions.filter(a => !UNSCOPABLE_ACTIONS.has(a)),
              )}`,
            ),
          ),
      );
    },
  },
  {
    id: 'CKV_AWS_358',
    title:
      'github oidc trust pins aud and the exact sub (repository and environment)',
    resourceTypes: ['aws_iam_role'],
    check(model) {
      return subjects(this, model).flatMap(role => {
        const statements = policyStatements(
          model,
          role.body.assume_role_policy,
        ).filter(
          s =>
            s.effect === 'Allow' &&
            s.actions.includes('sts:AssumeRoleWithWebIdentity'),
        );
        return statements.flatMap(s => {
          const problems: string[] = [];
          const aud = s.conditions.find(c => c.variable.endsWith(':aud'));
          if (
            !aud ||
            aud.test !== 'StringEquals' ||
            aud.values.join() !== 'sts.amazonaws.com'
          ) {
            problems.push(
              'aud must be pinned with StringEquals to sts.amazonaws.com',
            );
          }
          const sub = s.conditions.find(c => c.variable.endsWith(':sub'));
          if (
            !sub ||
            !['StringEquals', 'StringLike'].includes(sub.test) ||
            sub.values.length === 0
          ) {
            problems.push('sub must be pinned');
          } else {
            const loose = sub.values.filter(v => !EXACT_GITHUB_SUBJECT.test(v));
            if (loose.length > 0)
              problems.push(
                `sub values must name one repository and environment exactly: ${JSON.stringify(
                  loose,
                )}`,
              );
          }
          return problems.map(p =>
            finding(this, model, role, `${s.origin}: ${p}`),
          );
        });
      });
    },
  },
];
