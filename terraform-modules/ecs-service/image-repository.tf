# ---------------------------------------------------------------------------------------------
# Image repository (optional; one per service, in the account that builds)
# ---------------------------------------------------------------------------------------------

locals {
  # What pulling an image takes (the execution role, and other accounts' pulls).
  ecr_pull_actions   = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]
  cross_account_pull = var.create_ecr_repository && length(var.ecr_pull_account_ids) > 0
}

resource "aws_ecr_repository" "this" {
  count = var.create_ecr_repository ? 1 : 0

  name                 = var.service
  image_tag_mutability = "IMMUTABLE"
  force_delete         = false

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = local.kms_key_arn
  }

  tags = local.tags
}

resource "aws_ecr_lifecycle_policy" "this" {
  count = var.create_ecr_repository ? 1 : 0

  repository = aws_ecr_repository.this[0].name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Keep the 200 most recent images (rollbacks need the previous ones)"
      selection = {
        tagStatus   = "any"
        countType   = "imageCountMoreThan"
        countNumber = 200
      }
      action = { type = "expire" }
    }]
  })
}

data "aws_iam_policy_document" "ecr_cross_account" {
  count = local.cross_account_pull ? 1 : 0

  statement {
    sid     = "CrossAccountPull"
    actions = local.ecr_pull_actions

    principals {
      type        = "AWS"
      identifiers = [for id in var.ecr_pull_account_ids : "arn:${local.partition}:iam::${id}:root"]
    }
  }
}

resource "aws_ecr_repository_policy" "this" {
  count = local.cross_account_pull ? 1 : 0

  repository = aws_ecr_repository.this[0].name
  policy     = data.aws_iam_policy_document.ecr_cross_account[0].json
}
