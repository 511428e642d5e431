data "aws_partition" "current" {}

locals {
  issuer            = "token.actions.githubusercontent.com"
  oidc_provider_arn = var.create_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : var.oidc_provider_arn
  repository        = "${var.github_org}/${var.github_repository}"
  immutable_repository = var.github_org_id != null && var.github_repository_id != null ? (
    "${var.github_org}@${var.github_org_id}/${var.github_repository}@${var.github_repository_id}"
  ) : null

  # The token subjects each role trusts, by the subject's context: environment:<name> for a
  # deploy role, pull_request for the plan role. Exact subjects only (StringEquals): no wildcard
  # can widen the trust to other repositories, branches or environments (CKV_AWS_358).
  trusted_subjects = {
    for context in concat([for env in keys(var.environments) : "environment:${env}"], ["pull_request"]) :
    context => compact([
      "repo:${local.repository}:${context}",
      local.immutable_repository == null ? "" : "repo:${local.immutable_repository}:${context}",
    ])
  }

  tags = merge(var.tags, {
    "zeroops:service" = var.service
  })

  # State keys of the repository: <service>/<environment>/..., the platform's platform/<env>/...
  state_prefix = var.platform_repository ? "platform" : var.service
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_oidc_provider ? 1 : 0

  url            = "https://${local.issuer}"
  client_id_list = ["sts.amazonaws.com"]

  tags = merge(local.tags, { "zeroops:environment" = "all" })
}

# Trust of the roles: GitHub's OIDC tokens for this repository's subjects only.
data "aws_iam_policy_document" "github_trust" {
  for_each = local.trusted_subjects

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.issuer}:sub"
      values   = each.value
    }
  }
}

resource "aws_iam_role" "environment" {
  for_each = var.environments

  name                 = "${var.service}-github-${each.key}"
  description          = "GitHub Actions deployments of ${local.repository} to ${each.key}"
  assume_role_policy   = data.aws_iam_policy_document.github_trust["environment:${each.key}"].json
  max_session_duration = var.max_session_duration

  tags = merge(local.tags, { "zeroops:environment" = each.key })

  lifecycle {
    precondition {
      condition     = local.oidc_provider_arn != null
      error_message = "Set create_oidc_provider = true or pass oidc_provider_arn."
    }
  }
}

locals {
  environment_policy_attachments = flatten([
    for env, config in var.environments : [
      for arn in config.policy_arns : { key = "${env} ${arn}", env = env, arn = arn }
    ]
  ])
}

resource "aws_iam_role_policy_attachment" "environment" {
  for_each = { for a in local.environment_policy_attachments : a.key => a }

  role       = aws_iam_role.environment[each.value.env].name
  policy_arn = each.value.arn
}

resource "aws_iam_role_policy" "environment" {
  for_each = { for env, config in var.environments : env => config if config.policy_json != null }

  name   = "deploy"
  role   = aws_iam_role.environment[each.key].id
  policy = each.value.policy_json
}

# ---------------------------------------------------------------------------------------------
# Read-only plan role for pull requests
# ---------------------------------------------------------------------------------------------

resource "aws_iam_role" "plan" {
  count = var.create_plan_role ? 1 : 0

  name                 = "${var.service}-github-plan"
  description          = "Read-only terraform plan for pull requests of ${local.repository}"
  assume_role_policy   = data.aws_iam_policy_document.github_trust["pull_request"].json
  max_session_duration = var.max_session_duration

  tags = merge(local.tags, { "zeroops:environment" = "all" })
}

resource "aws_iam_role_policy_attachment" "plan_read_only" {
  count = var.create_plan_role ? 1 : 0

  role       = aws_iam_role.plan[0].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/ReadOnlyAccess"
}

data "aws_iam_policy_document" "plan_state" {
  count = var.create_plan_role && var.state_bucket_arn != null ? 1 : 0

  # Only the repository's own states (<service>/..., the platform's platform/...): states hold
  # secrets, so a pull request of one repository never reads another's.
  statement {
    sid       = "ReadState"
    actions   = ["s3:GetObject"]
    resources = ["${var.state_bucket_arn}/${local.state_prefix}/*"]
  }

  statement {
    sid       = "ListState"
    actions   = ["s3:ListBucket"]
    resources = [var.state_bucket_arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${local.state_prefix}/*"]
    }
  }

  # terraform plan takes the S3 native lock: it writes and deletes <key>.tflock, nothing else.
  statement {
    sid       = "LockFiles"
    actions   = ["s3:PutObject", "s3:DeleteObject"]
    resources = ["${var.state_bucket_arn}/${local.state_prefix}/*.tflock"]
  }

  dynamic "statement" {
    for_each = var.state_kms_key_arn != null ? [1] : []

    content {
      sid       = "StateKey"
      actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]
      resources = [var.state_kms_key_arn]
    }
  }
}

resource "aws_iam_role_policy" "plan_state" {
  count = var.create_plan_role && var.state_bucket_arn != null ? 1 : 0

  name   = "terraform-state"
  role   = aws_iam_role.plan[0].id
  policy = data.aws_iam_policy_document.plan_state[0].json
}
