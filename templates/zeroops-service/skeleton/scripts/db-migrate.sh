#!/usr/bin/env bash
# Applies the migrations in migrations/ (expand only; see .github/copilot-instructions.md).
# Locally it targets the compose database; in AWS the deploy workflow runs `npm run migrate` as
# a one-off ECS task with the same code.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

export DATABASE_HOST="${DATABASE_HOST:-127.0.0.1}"
export DATABASE_NAME="${DATABASE_NAME:-app}"
export DATABASE_USER="${DATABASE_USER:-postgres}"
export DATABASE_SSL="${DATABASE_SSL:-false}"
export VALKEY_HOST="${VALKEY_HOST:-127.0.0.1}"
export VALKEY_TLS="${VALKEY_TLS:-false}"

npm run --silent migrate
