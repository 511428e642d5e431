# TFLint configuration of the module library (GitHub CI job "tflint" in
# .github/workflows/terraform.yml). The bundled Terraform ruleset needs no plugin download.
config {
  call_module_type = "local"
}

plugin "terraform" {
  enabled = true
  preset  = "all"
}

# Examples are root modules with placeholder IDs; they are not published modules.
rule "terraform_standard_module_structure" {
  enabled = false
}
