terraform {
  # 1.10 brings S3 native state locking (use_lockfile), which every ZeroOps root module uses.
  required_version = ">= 1.10"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.25, < 7.0"
    }
  }
}
