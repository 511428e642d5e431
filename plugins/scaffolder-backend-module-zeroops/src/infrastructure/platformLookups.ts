import { EnvironmentPolicy } from './environmentPolicy';
import { EnvironmentFolder, InfrastructureOptions } from './types';

/** Data sources that find the platform (foundation template) by the names its modules use. */
export function platformLookups(
  env: EnvironmentFolder,
  policy: EnvironmentPolicy,
  options: InfrastructureOptions,
) {
  const lines = [
    `# The platform of this environment, created by the zeroops-foundation template and found by
# the names its modules give (zeroops-${env}), so no state is shared between repositories.
data "aws_vpc" "platform" {
  tags = { Name = "zeroops-${env}" }
}

data "aws_subnets" "private" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.platform.id]
  }
  tags = { "zeroops:tier" = "private" }
}

data "aws_subnets" "database" {
  filter {
    name   = "vpc-id"
    values = [data.aws_vpc.platform.id]
  }
  tags = { "zeroops:tier" = "database" }
}

data "aws_lb" "platform" {
  name = "zeroops-${env}"
}

data "aws_lb_listener" "https" {
  load_balancer_arn = data.aws_lb.platform.arn
  port              = 443
}
`,
  ];
  if (options.listenerRuleSlot === undefined) {
    lines.push(`# This service's slot in the foundation's listener rule registry (load-balancer module).
data "aws_ssm_parameter" "listener_rule_slot" {
  name = "/zeroops/zeroops-${env}/listener-rule-slots/\${local.service}"
}
`);
  }
  if (policy.blueGreen) {
    lines.push(`data "aws_lb_listener" "test" {
  load_balancer_arn = data.aws_lb.platform.arn
  port              = 8443
}
`);
  }
  lines.push(`data "aws_security_group" "load_balancer" {
  name   = "zeroops-${env}-alb-https"
  vpc_id = data.aws_vpc.platform.id
}

data "aws_route53_zone" "environment" {
  name         = local.domain
  private_zone = false
}

# CloudFront certificates and web ACLs live in us-east-1 whatever the region of the service:
# provider 6's per-data-source region argument reads them there (no second provider).
data "aws_acm_certificate" "public" {
  region      = "us-east-1"
  domain      = "*.\${local.domain}"
  statuses    = ["ISSUED"]
  most_recent = true
}

data "aws_wafv2_web_acl" "shared" {
  region = "us-east-1"
  name   = "zeroops-${env}"
  scope  = "CLOUDFRONT"
}
`);
  return lines.join('\n');
}
