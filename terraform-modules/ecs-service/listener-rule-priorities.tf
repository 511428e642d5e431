# ---------------------------------------------------------------------------------------------
# Listener rule priorities (zeroops-common listenerRulePriorities, README "Listener rule
# priorities"): the slot itself in persistent environments. Pull request pr-<n> claims one of
# its slot's block 1000 + (slot - 1) * 490 .. + 489 in the load balancer's SSM registry
# <claims path>/<priority> = "<service>/pr-<n>": its own claim if it has one, otherwise the
# first candidate block start + ((n + i) mod 490), i = 0..489, that no claim holds.
# ---------------------------------------------------------------------------------------------

locals {
  pull_request_number                = local.is_ephemeral ? tonumber(trimprefix(var.environment, "pr-")) : null
  load_balancer_name                 = split("/", var.production_listener_arn)[2]
  listener_rule_priority_block_start = 1000 + (var.listener_rule_slot - 1) * 490
  listener_rule_priority_claims_path = "/zeroops/${local.load_balancer_name}/listener-rule-priorities/${var.listener_rule_slot}"
  listener_rule_priority_claim_value = "${var.service}/${var.environment}"
  # The block's claims, priority => "<service>/pr-<n>" (plain text, not secret).
  listener_rule_priority_claims = local.is_ephemeral ? {
    for i, name in data.aws_ssm_parameters_by_path.listener_rule_priority_claims[0].names :
    trimprefix(name, "${local.listener_rule_priority_claims_path}/") => nonsensitive(data.aws_ssm_parameters_by_path.listener_rule_priority_claims[0].values[i])
  } : {}
  listener_rule_priority_candidates = local.is_ephemeral ? [for i in range(490) : local.listener_rule_priority_block_start + (local.pull_request_number + i) % 490] : []
  listener_rule_priority_own        = [for p in local.listener_rule_priority_candidates : p if lookup(local.listener_rule_priority_claims, tostring(p), null) == local.listener_rule_priority_claim_value]
  listener_rule_priority_free       = [for p in local.listener_rule_priority_candidates : p if lookup(local.listener_rule_priority_claims, tostring(p), null) == null]
  # Null only when all 490 are claimed by other pull requests (precondition on the rule).
  listener_rule_priority = local.is_ephemeral ? try(concat(local.listener_rule_priority_own, local.listener_rule_priority_free)[0], null) : var.listener_rule_slot
}

# Pull-request listener rule priorities: claims in the load balancer's SSM registry (README
# "Listener rule priorities"). A claim's name is a function of the priority alone and SSM names
# are unique; creating it (no overwrite) fails if another pull request claimed the priority
# first, and the rules depend on it, so no two rules can get one priority. Destroying the
# environment deletes the rules, then the claim.
data "aws_ssm_parameters_by_path" "listener_rule_priority_claims" {
  count = local.is_ephemeral ? 1 : 0

  path            = local.listener_rule_priority_claims_path
  with_decryption = false
}

resource "aws_ssm_parameter" "listener_rule_priority_claim" {
  #checkov:skip=CKV2_AWS_34:A claim holds only "<service>/pr-<n>" (also in its tags, no secret) and every pull request of the service must read all claims of its block; replaced by the deploy roles' IAM (github-oidc ListenerRulePriorityClaims: only the service's pull-request role writes or deletes claims tagged with its service).
  count = local.is_ephemeral ? 1 : 0

  name        = "${local.listener_rule_priority_claims_path}/${local.listener_rule_priority}"
  description = "Listener rule priority ${local.listener_rule_priority} on ${local.load_balancer_name}, claimed by ${local.listener_rule_priority_claim_value}"
  type        = "String"
  value       = local.listener_rule_priority_claim_value

  tags = local.tags
}
