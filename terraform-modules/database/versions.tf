terraform {
  # 1.10 brings S3 native state locking; 1.11 brings write-only arguments, which keep the
  # master password of a global cluster (disaster_recovery.mode = "global") out of the state.
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.25, < 7.0"
    }
  }
}
