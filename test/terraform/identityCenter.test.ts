import fs from 'node:fs/promises';
import path from 'node:path';
import { evaluateIn, evaluateModule } from './lib/evaluated-module.ts';
import type {
  EvaluatedModule,
  EvaluatedResource,
} from './lib/evaluated-module.ts';
import { findFiles } from './lib/hcl.ts';
import type { HclValue } from './lib/hcl.ts';
import { evaluateAllModules } from './lib/module-suite.ts';
import { MODULES_ROOT, REPO_ROOT } from './lib/repository.ts';
import { blocks, isTfObject, isUnknown } from './lib/values.ts';
import type { TfObject, TfValue } from './lib/values.ts';

/**
 * Developer access through IAM Identity Center (issue 13 item 9): terraform-modules/identity-center
 * evaluated with its example's inputs, checked for what a security reviewer asks: who gets what
 * in which account, how long a session lasts, that the deploy-and-debug policy names every action
 * and none of IAM, and that nothing anywhere creates IAM users or access keys.
 */

jest.setTimeout(240_000);

const PRODUCTION = '111111111111';
const STAGING = '222222222222';

async function model(): Promise<EvaluatedModule> {
  const found = (await evaluateAllModules()).find(
    m => m.name === 'identity-center',
  );
  if (!found) throw new Error('identity-center has no evaluated example');
  return found;
}

function resource(m: EvaluatedModule, address: string): EvaluatedResource {
  const found = m.resources.find(r => r.address === address);
  if (!found) throw new Error(`no ${address}`);
  return found;
}

/** Source text of an apply-time value, e.g. `aws_ssoadmin_permission_set.read_only.arn`. */
function sourceOf(value: TfValue | undefined): string {
  if (!isUnknown(value)) throw new Error(`expected a reference: ${value}`);
  return value.source;
}

interface Assignment {
  key: string;
  group: string;
  groupName: string;
  account: string;
  permissionSet: string;
}

/** Every account assignment: group from the module's assignment map, set from the resource. */
async function assignments(m: EvaluatedModule): Promise<Assignment[]> {
  const block = m.module.locals.find(l => 'assignments' in l.body);
  if (!block) throw new Error('no local.assignments');
  const declared = await evaluateIn(m.module, block.body.assignments, m.inputs);
  if (!isTfObject(declared)) throw new Error('local.assignments unknown');
  return m.resources
    .filter(r => r.type === 'aws_ssoadmin_account_assignment')
    .map(r => {
      const key = /\["(.+)"\]$/.exec(r.address)?.[1] ?? '';
      const entry = declared[key] as TfObject;
      const group = String(entry.group);
      // The principal is the group the assignment map names, looked up by display name.
      expect(sourceOf(r.body.principal_id)).toBe(
        'data.aws_identitystore_group.this[each.value.group].group_id',
      );
      expect([r.body.principal_type, r.body.target_type]).toEqual([
        'GROUP',
        'AWS_ACCOUNT',
      ]);
      const lookup = resource(
        m,
        `data.aws_identitystore_group.this["${group}"]`,
      ).body.alternate_identifier as TfObject[];
      const unique = (lookup[0].unique_attribute as TfObject[])[0];
      expect(unique.attribute_path).toBe('DisplayName');
      return {
        key,
        group,
        groupName: String(unique.attribute_value),
        account: String(r.body.target_id),
        permissionSet: sourceOf(r.body.permission_set_arn)
          .replace(/^aws_ssoadmin_permission_set\./, '')
          .replace(/\.arn$/, ''),
      };
    });
}

/** Actions of every statement of an evaluated aws_iam_policy_document. */
function statements(document: EvaluatedResource) {
  return blocks(document.body, 'statement').map(s => ({
    sid: String(s.sid),
    effect: s.effect ?? 'Allow',
    actions: s.actions,
    notActions: s.not_actions,
  }));
}

function knownActions(document: EvaluatedResource): string[] {
  return statements(document).flatMap(s => {
    if (!Array.isArray(s.actions) || s.actions.some(a => typeof a !== 'string'))
      throw new Error(`${s.sid}: actions not known before apply`);
    return s.actions as string[];
  });
}

describe('identity-center: who gets what', () => {
  it('gives developers and the platform group only ZeroOpsReadOnly in production', async () => {
    const all = await assignments(await model());
    const production = all
      .filter(a => a.account === PRODUCTION && a.group !== 'break_glass')
      .map(a => `${a.groupName} ${a.permissionSet}`)
      .sort();
    expect(production).toEqual([
      'zeroops-developers read_only',
      'zeroops-platform read_only',
    ]);
  });

  it('gives developers and the platform group ZeroOpsDeployDebug in the staging account', async () => {
    const all = await assignments(await model());
    const staging = all
      .filter(a => a.account === STAGING && a.group !== 'break_glass')
      .map(a => `${a.groupName} ${a.permissionSet}`)
      .sort();
    expect(staging).toEqual([
      'zeroops-developers deploy_debug',
      'zeroops-platform deploy_debug',
    ]);
  });

  it('assigns break-glass only to the break-glass group, in both accounts', async () => {
    const all = await assignments(await model());
    const breakGlass = all.filter(a => a.permissionSet === 'break_glass');
    expect(breakGlass.map(a => `${a.groupName} ${a.account}`).sort()).toEqual([
      `zeroops-break-glass ${PRODUCTION}`,
      `zeroops-break-glass ${STAGING}`,
    ]);
    // ... and the break-glass group gets nothing else.
    expect(
      all
        .filter(a => a.group === 'break_glass')
        .every(a => a.permissionSet === 'break_glass'),
    ).toBe(true);
    expect(all).toHaveLength(6);
  });
});

describe('identity-center: permission sets', () => {
  it('names the permission sets as the READMEs tell developers, with bounded sessions', async () => {
    const m = await model();
    const sets = Object.fromEntries(
      m.resources
        .filter(r => r.type === 'aws_ssoadmin_permission_set')
        .map(r => [r.name, [r.body.name, r.body.session_duration]]),
    );
    expect(sets).toEqual({
      read_only: ['ZeroOpsReadOnly', 'PT8H'],
      deploy_debug: ['ZeroOpsDeployDebug', 'PT4H'],
      break_glass: ['ZeroOpsBreakGlass', 'PT1H'],
    });
    for (const readme of [
      'templates/zeroops-service/skeleton/README.md.njk',
      'templates/zeroops-foundation/skeleton/README.md.njk',
    ]) {
      const text = await fs.readFile(path.join(REPO_ROOT, readme), 'utf8');
      expect(text).toContain('ZeroOpsReadOnly');
      expect(text).toContain('ZeroOpsDeployDebug');
      expect(text).toContain('aws sso login');
    }
  });

  it('fixes break-glass sessions at one hour whatever the inputs', async () => {
    const m = await model();
    const evaluated = await evaluateModule(m.module, {
      name: 'longest sessions',
      inputs: {
        ...m.inputs,
        read_only_session_duration: 'PT12H',
        deploy_debug_session_duration: 'PT12H',
      },
    });
    expect(
      resource(evaluated, 'aws_ssoadmin_permission_set.break_glass').body
        .session_duration,
    ).toBe('PT1H');
  });

  it('accepts only PT1H to PT12H as session durations', async () => {
    const m = await model();
    const declared = m.module.variables.find(
      v => v.name === 'deploy_debug_session_duration',
    )!;
    const condition = (declared.body.validation as { condition: HclValue }[])[0]
      .condition;
    const verdicts: Record<string, TfValue> = {};
    for (const value of ['PT1H', 'PT9H', 'PT12H', 'PT0H', 'PT13H', 'PT30M']) {
      verdicts[value] = await evaluateIn(m.module, condition, {
        deploy_debug_session_duration: value,
      });
    }
    expect(verdicts).toEqual({
      PT1H: true,
      PT9H: true,
      PT12H: true,
      PT0H: false,
      PT13H: false,
      PT30M: false,
    });
  });

  it('attaches AdministratorAccess only to break-glass and ViewOnlyAccess to read-only', async () => {
    const m = await model();
    const attachments = m.resources
      .filter(r => r.type === 'aws_ssoadmin_managed_policy_attachment')
      .map(
        r =>
          `${sourceOf(r.body.permission_set_arn)} ${sourceOf(
            r.body.managed_policy_arn,
          ).replace(/^"arn:\$\{local.partition\}:iam::aws:policy\/|"$/g, '')}`,
      )
      .sort();
    expect(attachments).toEqual([
      'aws_ssoadmin_permission_set.break_glass.arn AdministratorAccess',
      'aws_ssoadmin_permission_set.read_only.arn job-function/ViewOnlyAccess',
    ]);
  });

  it('deploy-and-debug names every action, none of them a wildcard or an IAM action', async () => {
    const m = await model();
    const document = resource(m, 'data.aws_iam_policy_document.deploy_debug');
    expect(
      statements(document).filter(
        s => s.effect !== 'Allow' || s.notActions !== undefined,
      ),
    ).toEqual([]);
    const actions = knownActions(document);
    expect(actions.length).toBeGreaterThan(10);
    expect(actions.filter(a => a.includes('*'))).toEqual([]);
    expect(actions.filter(a => /^iam:/i.test(a))).toEqual([]);
    // Nothing that registers task definitions or passes roles (a path to other permissions).
    expect(
      actions.filter(a =>
        /^(ecs:RegisterTaskDefinition|ecs:CreateService|sts:|organizations:|sso:|identitystore:)/.test(
          a,
        ),
      ),
    ).toEqual([]);
    expect(
      sourceOf(
        resource(m, 'aws_ssoadmin_permission_set_inline_policy.deploy_debug')
          .body.inline_policy,
      ),
    ).toBe('data.aws_iam_policy_document.deploy_debug.json');
  });

  it('deploy-and-debug reads only secrets tagged as staging or a pull request', async () => {
    const m = await model();
    const document = resource(m, 'data.aws_iam_policy_document.deploy_debug');
    const readers = blocks(document.body, 'statement').filter(
      s =>
        Array.isArray(s.actions) &&
        s.actions.includes('secretsmanager:GetSecretValue'),
    );
    expect(readers).toHaveLength(1);
    expect(
      blocks(readers[0], 'condition').map(c => [c.test, c.variable, c.values]),
    ).toEqual([
      [
        'StringLike',
        'aws:ResourceTag/zeroops:environment',
        ['staging', 'pr-*'],
      ],
    ]);
  });

  it('read-only reads logs, metrics and ECS details, never secrets or data, and changes nothing', async () => {
    const m = await model();
    const actions = knownActions(
      resource(m, 'data.aws_iam_policy_document.read_only'),
    );
    expect(actions.filter(a => a.includes('*'))).toEqual([]);
    expect(
      actions.filter(
        a =>
          !/^[a-z0-9-]+:(Describe|List|Get|FilterLogEvents|StartQuery|StopQuery)/.test(
            a,
          ) || /^(secretsmanager|s3|dynamodb|kms|iam):/.test(a),
      ),
    ).toEqual([]);
  });
});

describe('no long-lived credentials', () => {
  it('creates no IAM users or access keys in the module library, templates or generator', async () => {
    const roots = [
      MODULES_ROOT,
      path.join(REPO_ROOT, 'templates'),
      path.join(REPO_ROOT, 'plugins/scaffolder-backend-module-zeroops/src'),
    ];
    const files = (
      await Promise.all(
        roots.map(root => findFiles(root, ['.tf', '.njk', '.hcl', '.ts'])),
      )
    ).flat();
    expect(files.length).toBeGreaterThan(50);
    const offenders: string[] = [];
    for (const file of files) {
      const text = await fs.readFile(file, 'utf8');
      if (
        /aws_iam_(user|access_key|user_login_profile|user_policy|service_specific_credential|signing_certificate)\b/.test(
          text,
        )
      )
        offenders.push(path.relative(REPO_ROOT, file));
    }
    expect(offenders).toEqual([]);
  });
});
