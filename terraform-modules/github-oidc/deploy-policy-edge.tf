# Deploy policy statements for the service's edge: its DNS records and health checks (dns
# module), its CloudFront distribution's web ACL, buckets and policies (cdn module).

locals {
  edge_statements = {
    for env, d in local.deploy : env => [
      # DNS records under the service's own names only.
      {
        sid       = "ServiceRecords"
        actions   = ["route53:ChangeResourceRecordSets"]
        resources = ["${local.arn_prefix}:route53:::hostedzone/*"]
        conditions = [{
          test     = "ForAllValues:StringLike"
          variable = "route53:ChangeResourceRecordSetsNormalizedRecordNames"
          values   = d.ephemeral ? ["${var.service}-pr-*.*"] : ["${var.service}.*", "${var.service}.origin.*"]
        }]
      },
      # The web ACL of the service's CloudFront distribution (cdn module; CLOUDFRONT scope lives in
      # us-east-1) and the AWS managed rule groups it references.
      {
        sid = "WebAcl"
        actions = [
          "wafv2:CreateWebACL",
          "wafv2:DeleteLoggingConfiguration",
          "wafv2:DeleteWebACL",
          "wafv2:GetLoggingConfiguration",
          "wafv2:GetWebACL",
          "wafv2:ListTagsForResource",
          "wafv2:PutLoggingConfiguration",
          "wafv2:TagResource",
          "wafv2:UntagResource",
          "wafv2:UpdateWebACL",
        ]
        resources = [
          "${local.us_east_1_arn.wafv2}:global/webacl/${d.instance}/*",
          "${local.us_east_1_arn.wafv2}:global/managedruleset/*/*",
        ]
      },
      # The cdn module's buckets: <instance>-cdn-logs-<account> and <instance>-static-<account>.
      {
        sid = "CdnBuckets"
        actions = [
          "s3:CreateBucket",
          "s3:DeleteBucket",
          "s3:DeleteBucketPolicy",
          "s3:GetBucketAcl",
          "s3:GetBucketCORS",
          "s3:GetBucketLocation",
          "s3:GetBucketLogging",
          "s3:GetBucketObjectLockConfiguration",
          "s3:GetBucketOwnershipControls",
          "s3:GetBucketPolicy",
          "s3:GetBucketPublicAccessBlock",
          "s3:GetBucketTagging",
          "s3:GetBucketVersioning",
          "s3:GetBucketWebsite",
          "s3:GetAccelerateConfiguration",
          "s3:GetEncryptionConfiguration",
          "s3:GetLifecycleConfiguration",
          "s3:GetReplicationConfiguration",
          "s3:GetBucketRequestPayment",
          "s3:PutBucketOwnershipControls",
          "s3:PutBucketPolicy",
          "s3:PutBucketPublicAccessBlock",
          "s3:PutBucketTagging",
          "s3:PutBucketVersioning",
          "s3:PutEncryptionConfiguration",
          "s3:PutLifecycleConfiguration",
          "s3:PutReplicationConfiguration",
        ]
        resources = [
          "${local.arn_prefix}:s3:::${d.instance}-cdn-logs-${local.account}",
          "${local.arn_prefix}:s3:::${d.instance}-static-${local.account}",
        ]
      },
      # CloudFront origin access controls and response headers policies have generated ids and no
      # tags: the deploy role can create and change them, not read or change distributions.
      {
        sid = "CloudFrontPolicies"
        actions = [
          "cloudfront:CreateOriginAccessControl",
          "cloudfront:CreateResponseHeadersPolicy",
          "cloudfront:DeleteOriginAccessControl",
          "cloudfront:DeleteResponseHeadersPolicy",
          "cloudfront:GetCachePolicy",
          "cloudfront:GetOriginAccessControl",
          "cloudfront:GetOriginRequestPolicy",
          "cloudfront:GetResponseHeadersPolicy",
          "cloudfront:UpdateOriginAccessControl",
          "cloudfront:UpdateResponseHeadersPolicy",
        ]
        resources = [
          for type in ["cache-policy", "origin-access-control", "origin-request-policy", "response-headers-policy"] :
          "${local.arn_prefix}:cloudfront::${local.account}:${type}/*"
        ]
      },
      # Route 53 health checks have generated ids and no tag conditions (dns module).
      {
        sid       = "CreateHealthChecks"
        actions   = ["route53:CreateHealthCheck"]
        resources = ["*"]
      },
      {
        sid = "HealthChecks"
        actions = [
          "route53:ChangeTagsForResource",
          "route53:DeleteHealthCheck",
          "route53:GetHealthCheck",
          "route53:UpdateHealthCheck",
        ]
        resources = ["${local.arn_prefix}:route53:::healthcheck/*"]
      },
      {
        sid       = "ReadHostedZones"
        actions   = ["route53:GetHostedZone", "route53:ListResourceRecordSets", "route53:ListTagsForResource"]
        resources = ["${local.arn_prefix}:route53:::hostedzone/*"]
      },
      # Terraform waits for record changes to reach INSYNC.
      {
        sid       = "ReadRecordChanges"
        actions   = ["route53:GetChange"]
        resources = ["${local.arn_prefix}:route53:::change/*"]
      },
    ]
  }
}
