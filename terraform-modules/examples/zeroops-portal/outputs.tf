output "portal_url" {
  description = "URL users open; also the GitHub OAuth App's homepage (callback: <url>/api/auth/github/handler/frame)."
  value       = local.base_url
}

output "github_webhook_url" {
  description = "Payload URL of the GitHub webhook (events deployment, deployment_status, workflow_run, pull_request, push)."
  value       = "${local.base_url}/api/events/http/github"
}

output "ecr_repository_url" {
  description = "Repository the image workflow pushes to."
  value       = module.service.ecr_repository_url
}

output "backstage_secret_arn" {
  description = "Secret that takes AUTH_SESSION_SECRET, AUTH_GITHUB_CLIENT_SECRET, GITHUB_TOKEN and GITHUB_WEBHOOK_SECRET."
  value       = module.secrets.secret_arns["backstage"]
}

output "deploy" {
  description = "What a deployment of a new image needs."
  value = {
    cluster     = module.service.cluster_name
    service     = module.service.service_name
    task_family = module.service.task_family
    container   = module.service.container_name
  }
}

output "task_role_arn" {
  description = "Principal the portal runs as: trust it in each account's read role."
  value       = module.service.task_role_arn
}
