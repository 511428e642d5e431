#!/usr/bin/env bash
# `make start`: the whole product on the embedded default: the AWS simulator (demo scenario) on
# :4599, the GitHub simulator (demo organisation) on :4598, the backend on :7007 and the frontend
# on :3000. Ctrl-C stops all four.
set -euo pipefail
# shellcheck source=lib/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
zeroops_setup
cd "$ZEROOPS_ROOT"

# shellcheck source=lib/simulator.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/simulator.sh"
zeroops_start_simulator
trap zeroops_stop_simulator EXIT

# shellcheck source=lib/github-simulator.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/github-simulator.sh"
zeroops_start_github_simulator
trap 'zeroops_stop_github_simulator; zeroops_stop_simulator' EXIT

# Turns on the local publisher (zeroops:publish:local and its file:// reader, added by
# packages/backend/src/index.ts only when this is set) and keeps the repositories the templates
# publish inside the checkout (app-config.yaml: zeroops.publish.local.baseDir).
export ZEROOPS_LOCAL_REPOSITORIES="${ZEROOPS_LOCAL_REPOSITORIES:-$ZEROOPS_ROOT/.zeroops/repositories}"
zeroops_log "Starting Backstage: frontend http://localhost:3000, backend http://localhost:7007"
yarn start
