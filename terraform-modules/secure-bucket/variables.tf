variable "name" {
  description = "Name of the bucket (globally unique), e.g. payments-api-production-cdn-logs-111111111111."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.name))
    error_message = "name must be a valid S3 bucket name: 3 to 63 lowercase letters, digits, periods and hyphens."
  }
}

variable "region" {
  description = "Region of the bucket (AWS provider 6 per-resource region), or null for the provider's region."
  type        = string
  default     = null

  validation {
    condition     = var.region == null || can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as us-west-2."
  }
}

variable "sse_algorithm" {
  description = "Default encryption: aws:kms (SSE-KMS with kms_key_arn and an S3 Bucket Key, CKV_AWS_145) or AES256 (SSE-S3), only for buckets a log delivery service writes without KMS support (ALB access logs); such a caller skips CKV_AWS_145 on its module call with the reason."
  type        = string
  default     = "aws:kms"

  validation {
    condition     = contains(["aws:kms", "AES256"], var.sse_algorithm)
    error_message = "sse_algorithm must be aws:kms or AES256."
  }
}

variable "kms_key_arn" {
  description = "Customer-managed KMS key of the default encryption with sse_algorithm aws:kms (the kms-key module's key_arn); null with AES256."
  type        = string
  default     = null

  validation {
    condition     = var.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:", var.kms_key_arn))
    error_message = "kms_key_arn must be the ARN of a KMS key."
  }

  validation {
    condition     = (var.kms_key_arn != null) == (var.sse_algorithm == "aws:kms")
    error_message = "kms_key_arn is required with sse_algorithm aws:kms and must be null with AES256."
  }
}

variable "object_ownership" {
  description = "BucketOwnerEnforced disables ACLs (CKV2_AWS_65). BucketOwnerPreferred only for log delivery through ACLs (CloudFront standard logs)."
  type        = string
  default     = "BucketOwnerEnforced"

  validation {
    condition     = contains(["BucketOwnerEnforced", "BucketOwnerPreferred"], var.object_ownership)
    error_message = "object_ownership must be BucketOwnerEnforced or BucketOwnerPreferred."
  }
}

variable "prevent_destroy" {
  description = "Refuse every plan that destroys or replaces the bucket (state, audit logs). Turning it off later needs a removed block for terraform_data.deletion_guard, as editing lifecycle.prevent_destroy would."
  type        = bool
  default     = true
}

variable "force_destroy" {
  description = "Let terraform destroy delete a bucket that still holds objects: for buckets of pull-request environments and non-production logs. Needs prevent_destroy = false."
  type        = bool
  default     = false

  validation {
    condition     = !(var.force_destroy && var.prevent_destroy)
    error_message = "force_destroy needs prevent_destroy = false."
  }
}

variable "lifecycle_rule" {
  description = "The lifecycle rule of every object (CKV2_AWS_61): id, days until current objects expire (null: kept), transitions to cheaper storage classes, days noncurrent versions are kept (the bucket is always versioned) and days until incomplete multipart uploads are aborted (CKV_AWS_300)."
  type = object({
    id                                     = string
    expiration_days                        = optional(number)
    transitions                            = optional(list(object({ days = number, storage_class = string })), [])
    noncurrent_version_expiration_days     = number
    abort_incomplete_multipart_upload_days = optional(number, 7)
  })

  validation {
    condition     = var.lifecycle_rule.noncurrent_version_expiration_days >= 1 && var.lifecycle_rule.abort_incomplete_multipart_upload_days >= 1 && (var.lifecycle_rule.expiration_days == null ? true : var.lifecycle_rule.expiration_days >= 1)
    error_message = "lifecycle_rule days must be at least 1."
  }

  validation {
    condition     = alltrue([for t in var.lifecycle_rule.transitions : contains(["STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"], t.storage_class) && t.days >= 0])
    error_message = "lifecycle_rule.transitions storage_class must be STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER_IR, GLACIER or DEEP_ARCHIVE, after 0 or more days."
  }
}

variable "policy_statements" {
  description = "Bucket policy statements besides the module's DenyInsecureTransport and DenyOldTls, which every bucket gets: who may write (log delivery services, scoped with conditions) or read (CloudFront origin access control), and extra denies. object_keys are key patterns under the bucket (AWSLogs/111111111111/*); null means the bucket itself (bucket actions such as s3:GetBucketAcl). Allow statements name their principals and actions: no \"*\"."
  type = list(object({
    sid     = string
    effect  = optional(string, "Allow")
    actions = list(string)
    principals = list(object({
      type        = string
      identifiers = list(string)
    }))
    object_keys = optional(list(string))
    conditions = optional(list(object({
      test     = string
      variable = string
      values   = list(string)
    })), [])
  }))
  default = []

  validation {
    condition     = alltrue([for s in var.policy_statements : contains(["Allow", "Deny"], s.effect) && length(s.principals) > 0 && alltrue([for p in s.principals : contains(["AWS", "Service", "*"], p.type)])])
    error_message = "policy_statements effect must be Allow or Deny, with at least one principal of type AWS, Service or *."
  }

  validation {
    condition     = alltrue([for s in var.policy_statements : s.effect == "Deny" || alltrue(concat([for a in s.actions : !strcontains(a, "*")], [for p in s.principals : p.type != "*" && !contains(p.identifiers, "*")]))])
    error_message = "Allow statements of policy_statements must name their actions and principals without \"*\" (least privilege; the bucket is never public)."
  }

  validation {
    condition     = length(distinct([for s in var.policy_statements : s.sid])) == length(var.policy_statements) && length(setintersection([for s in var.policy_statements : s.sid], ["DenyInsecureTransport", "DenyOldTls"])) == 0
    error_message = "policy_statements sids must be unique and must not be DenyInsecureTransport or DenyOldTls (the module's own statements)."
  }
}

variable "replication" {
  description = "Replicate every object, delete markers included, to a bucket in another region (the destination is another call of this module with region set): its ARN and KMS key, the name of the IAM role S3 assumes, and the storage class of the replicas (null: the source object's class). Needs sse_algorithm aws:kms. Null: no replication."
  type = object({
    destination_bucket_arn  = string
    destination_kms_key_arn = string
    role_name               = string
    storage_class           = optional(string)
  })
  default = null

  validation {
    condition     = var.replication == null ? true : var.sse_algorithm == "aws:kms"
    error_message = "replication needs sse_algorithm aws:kms: the rule replicates SSE-KMS objects."
  }

  validation {
    condition     = var.replication == null ? true : can(regex("^[\\w+=,.@-]{1,64}$", var.replication.role_name))
    error_message = "replication.role_name must be an IAM role name of 1 to 64 characters."
  }

  validation {
    condition     = var.replication == null ? true : var.replication.storage_class == null || contains(["STANDARD", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"], coalesce(var.replication.storage_class, "STANDARD"))
    error_message = "replication.storage_class must be STANDARD, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER_IR, GLACIER or DEEP_ARCHIVE."
  }
}

variable "tags" {
  description = "Tags of the bucket and the replication role, including the cost-allocation tags zeroops:service and zeroops:environment."
  type        = map(string)
  default     = {}
}
