# Public entry: CloudFront (cdn module) with the environment's shared web ACL, which the
# foundation created and whose request logs its edge-security module keeps. DNS: the public
# name on CloudFront, the origin name on the shared load balancer.

data "aws_route53_zone" "environment" {
  name         = var.domain
  private_zone = false
}

data "aws_acm_certificate" "public" {
  region      = "us-east-1"
  domain      = "*.${var.domain}"
  statuses    = ["ISSUED"]
  most_recent = true
}

data "aws_wafv2_web_acl" "shared" {
  region = "us-east-1"
  name   = "zeroops-production"
  scope  = "CLOUDFRONT"
}

module "cdn" {
  source = "../../cdn"

  service     = local.service
  environment = local.environment

  aliases            = [local.public_host]
  certificate_arn    = data.aws_acm_certificate.public.arn
  origin_domain_name = local.origin_host
  web_acl_arn        = data.aws_wafv2_web_acl.shared.arn
}

module "dns" {
  source = "../../dns"

  service     = local.service
  environment = local.environment
  zone_id     = data.aws_route53_zone.environment.zone_id

  alias_records = {
    public = {
      name            = local.public_host
      target_dns_name = module.cdn.domain_name
      target_zone_id  = module.cdn.hosted_zone_id
    }
    origin = {
      name                   = local.origin_host
      target_dns_name        = data.aws_lb.platform.dns_name
      target_zone_id         = data.aws_lb.platform.zone_id
      evaluate_target_health = true
    }
  }
  # The portal as its users reach it: through CloudFront, from three regions.
  health_checks = {
    public = {
      fqdn          = local.public_host
      resource_path = local.readiness_path
    }
  }
  # Route 53 publishes health check metrics in us-east-1, and an alarm notifies a topic of its own
  # region: the monitoring topic serves only when the portal runs there.
  alarm_topic_arn = var.aws_region == "us-east-1" ? module.monitoring.alarm_topic_arn : null
}
