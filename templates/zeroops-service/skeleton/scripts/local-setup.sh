#!/usr/bin/env bash
# Starts the local environment (PostgreSQL, Valkey, the service) and applies the migrations.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

for tool in docker node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "local-setup: $tool is required" >&2
    exit 1
  fi
done

npm install
docker compose -f docker/docker-compose.yml -f docker/docker-compose.override.yml up --detach --wait postgres valkey
"$repo_root/scripts/db-migrate.sh"
docker compose -f docker/docker-compose.yml -f docker/docker-compose.override.yml up --detach --build app
echo "Ready: http://127.0.0.1:8080/healthz"
