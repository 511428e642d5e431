import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ZEROOPS_TERRAFORM_MODULES_REF } from '@zeroops/backstage-plugin-zeroops-common';
import { formatFindings } from './lib/findings.ts';
import type { Finding } from './lib/findings.ts';
import { loadTerraformModule } from './lib/hcl.ts';
import { loadProviderSchema } from './lib/provider-schema.ts';
import { findUnusedDeclarations } from './lib/references.ts';
import {
  compositionDirs,
  exampleDirs,
  MODULES_ROOT,
  moduleDirs,
} from './lib/repository.ts';
import {
  validateTerraformDirectory,
  validateTerraformTree,
} from './lib/validate-directory.ts';

/** Writes files into a fresh temporary directory and validates it like a root module. */
async function validateSources(
  files: Record<string, string>,
): Promise<Finding[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zeroops-tf-'));
  try {
    for (const [name, content] of Object.entries(files)) {
      await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await fs.writeFile(path.join(dir, name), content);
    }
    return await validateTerraformDirectory(dir, {
      modulesRoot: MODULES_ROOT,
      relativeTo: dir,
    });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

const messages = (findings: Finding[]) =>
  findings.map(f => `${f.address}: ${f.message}`);

// Evaluating every module parses hundreds of expressions in WebAssembly: slow on a busy machine.
jest.setTimeout(60_000);

describe('offline provider schema validation (substitute for terraform validate)', () => {
  it('uses the schema of hashicorp/aws 6.25.0 extracted from @cdktf/provider-aws 21.22.1', () => {
    const schema = loadProviderSchema();
    expect(schema.provider_version).toBe('6.25.0');
    expect(schema.source).toBe('@cdktf/provider-aws@21.22.1');
    expect(Object.keys(schema.resource).length).toBeGreaterThan(1500);
    // The native ECS blue/green arguments the ecs-service module relies on.
    const service = schema.resource.aws_ecs_service;
    expect(Object.keys(service.b?.deployment_configuration[1].a ?? {})).toEqual(
      expect.arrayContaining(['strategy', 'bake_time_in_minutes']),
    );
    expect(
      Object.keys(
        service.b?.load_balancer[1].b?.advanced_configuration[1].a ?? {},
      ),
    ).toEqual(
      expect.arrayContaining([
        'alternate_target_group_arn',
        'production_listener_rule',
        'test_listener_rule',
        'role_arn',
      ]),
    );
  });

  it('accepts every module and example in terraform-modules/', async () => {
    const findings = await validateTerraformTree(MODULES_ROOT, {
      modulesRoot: MODULES_ROOT,
      relativeTo: MODULES_ROOT,
    });
    expect(formatFindings(findings)).toBe('');
  });

  it('has no unused variables, locals or data sources (tflint terraform_unused_declarations)', async () => {
    const dirs = [
      ...moduleDirs().flatMap(dir => [dir, ...exampleDirs(dir)]),
      ...compositionDirs(),
    ];
    const findings: Finding[] = [];
    for (const dir of dirs) {
      findings.push(
        ...(await findUnusedDeclarations(
          await loadTerraformModule(dir),
          path.relative(MODULES_ROOT, dir),
        )),
      );
    }
    expect(formatFindings(findings)).toBe('');
  });

  it('reports unused declarations', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'zeroops-tf-'));
    try {
      await fs.writeFile(
        path.join(dir, 'main.tf'),
        'variable "used" {\n  type = string\n}\nvariable "unused" {\n  type = string\n  validation {\n    condition     = length(var.unused) > 0\n    error_message = "x."\n  }\n}\nlocals {\n  a = [for s in [var.used] : s]\n}\ndata "aws_region" "current" {}\noutput "a" {\n  value = local.a\n}\n',
      );
      const findings = await findUnusedDeclarations(
        await loadTerraformModule(dir),
        'fixture',
      );
      expect(findings.map(f => f.address)).toEqual([
        'var.unused',
        'data.aws_region.current',
      ]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('catches a misspelled argument and suggests the right one', async () => {
    const findings = await validateSources({
      'main.tf':
        'resource "aws_lb" "this" {\n  drop_invalid_header_field = true\n}\n',
    });
    expect(messages(findings)).toEqual([
      'aws_lb.this.drop_invalid_header_field: unsupported argument or block "drop_invalid_header_field". Did you mean "drop_invalid_header_fields"?',
    ]);
  });

  it('catches an unknown block, at any depth and inside dynamic blocks', async () => {
    const findings = await validateSources({
      'main.tf': `resource "aws_ecs_service" "this" {
  name = "payments-api"
  deployment_configuration {
    strategy = "BLUE_GREEN"
    bake_time {}
  }
  load_balancer {
    container_name = "app"
    container_port = 8080
    advanced_configuration {
      alternate_target_group = "x"
      production_listener_rule = "y"
      role_arn = "z"
    }
  }
  dynamic "alarm" {
    for_each = []
    content {}
  }
}
`,
    });
    expect(messages(findings)).toEqual(
      expect.arrayContaining([
        'aws_ecs_service.this.deployment_configuration.bake_time: unsupported argument or block "bake_time".',
        'aws_ecs_service.this.load_balancer.advanced_configuration.alternate_target_group: unsupported argument or block "alternate_target_group". Did you mean "alternate_target_group_arn"?',
        'aws_ecs_service.this.load_balancer.advanced_configuration: missing required argument "alternate_target_group_arn"',
        'aws_ecs_service.this.dynamic "alarm": no block type "alarm" here. Did you mean "alarms"?',
      ]),
    );
  });

  it('catches missing required arguments and blocks, unknown types and bad meta-arguments', async () => {
    const findings = await validateSources({
      'main.tf': `resource "aws_lb_listener" "https" {
  port = 443
  lifecycle {
    ignore_change = [port]
  }
}
resource "aws_lb_listner" "typo" {}
data "aws_regions" "current" {}
resource "aws_kms_key" "this" {
  enable_key_rotation = true
  count               = 1
  depends_on          = []
  timeouts {
    create = "5m"
  }
}
`,
    });
    expect(messages(findings)).toEqual(
      expect.arrayContaining([
        'aws_lb_listener.https: missing required argument "load_balancer_arn"',
        'aws_lb_listener.https: missing required block "default_action"',
        'aws_lb_listener.https.lifecycle.ignore_change: unsupported argument or block "ignore_change". Did you mean "ignore_changes"?',
        'aws_lb_listner.typo: the AWS provider 6.25.0 has no resource type "aws_lb_listner". Did you mean "aws_lb_listener"?',
      ]),
    );
    expect(findings.some(f => f.address?.startsWith('aws_kms_key'))).toBe(
      false,
    );
    expect(findings.some(f => f.address === 'data.aws_regions.current')).toBe(
      false,
    );
  });

  it('catches a block written as an argument', async () => {
    const findings = await validateSources({
      'main.tf':
        'resource "aws_lb" "this" {\n  access_logs = { bucket = "logs", enabled = true }\n}\n',
    });
    expect(messages(findings)).toEqual([
      'aws_lb.this.access_logs: "access_logs" is a block: write access_logs { ... } (or a dynamic "access_logs" block), not access_logs = ...',
    ]);
  });

  it('catches references to undeclared things and to attributes a resource does not have', async () => {
    const findings = await validateSources({
      'main.tf': `resource "aws_lb" "this" {
  name     = var.nmae
  internal = local.internal
  subnets  = data.aws_subnets.public.ids
}
output "suffix" {
  value = aws_lb.this.arn_sufix
}
output "listener" {
  value = aws_lb_listener.https.arn
}
variable "name" {
  type = string
}
`,
    });
    expect(messages(findings)).toEqual(
      expect.arrayContaining([
        'aws_lb.this: undeclared variable var.nmae. Did you mean "name"?',
        'aws_lb.this: undeclared local value local.internal.',
        'aws_lb.this: undeclared data source data.aws_subnets.public',
        'output.suffix: aws_lb.this has no attribute "arn_sufix". Did you mean "arn_suffix"?',
        'output.listener: undeclared resource aws_lb_listener.https',
      ]),
    );
  });

  it('checks module calls against the module: required inputs, unknown inputs, provider aliases and outputs', async () => {
    const findings = await validateSources({
      'main.tf': `module "cdn" {
  source = "git::https://github.com/acme/zeroops//terraform-modules/cdn?ref=${ZEROOPS_TERRAFORM_MODULES_REF}"

  service     = "payments-api"
  environment = "production"
  alias       = ["payments.example.com"]
}
module "cache" {
  source = "git::https://github.com/acme/zeroops//terraform-modules/cache?ref=${ZEROOPS_TERRAFORM_MODULES_REF}"

  service                    = "payments-api"
  environment                = "production"
  vpc_id                     = "vpc-1"
  subnet_ids                 = ["subnet-1", "subnet-2"]
  allowed_security_group_ids = [module.cdn.web_acl_arn]
}
output "endpoint" {
  value = module.cache.endpoint
}
`,
    });
    const cdn = path.join(MODULES_ROOT, 'cdn');
    expect(messages(findings)).toEqual(
      expect.arrayContaining([
        `module.cdn: missing required input "aliases" of ${cdn}`,
        `module.cdn: missing required input "certificate_arn" of ${cdn}`,
        `module.cdn: missing required input "origin_domain_name" of ${cdn}`,
        `module.cdn: unknown input "alias": ${cdn} declares no such variable`,
        'output.endpoint: module.cache has no output "endpoint".',
      ]),
    );
    expect(findings.filter(f => f.address === 'module.cache')).toEqual([]);
  });

  it('reports a provider alias that the called module requires and the call does not pass', async () => {
    // No library module needs an alias since the per-resource region argument of provider 6
    // (cdn puts its WAF in us-east-1 that way), so a local module stands in for one.
    const findings = await validateSources({
      'main.tf': `module "edge" {
  source = "./edge"
}
`,
      'edge/versions.tf': `terraform {
  required_providers {
    aws = {
      source                = "hashicorp/aws"
      configuration_aliases = [aws.us_east_1]
    }
  }
}
`,
    });
    // The message names the called module's folder, a temporary one here.
    expect(messages(findings)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^module\.edge: \S+\/edge needs the provider configuration aws\.us_east_1: pass it in providers = \{ aws\.us_east_1 = \.\.\. \}$/,
        ),
      ]),
    );
  });
});
