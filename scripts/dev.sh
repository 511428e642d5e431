#!/usr/bin/env bash
# `make dev`: the product for working on the frontend: the webpack dev server on :3000 with hot
# reload (the UI at http://localhost:3000), the backend on :7007 restarting on changes, and the
# AWS and GitHub simulators on :4599 and :4598. Ctrl-C stops all four. `make start` serves a built
# frontend instead, which loads several times faster.
set -euo pipefail
# shellcheck source=lib/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
# shellcheck source=lib/demo.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/demo.sh"
zeroops_setup
cd "$ZEROOPS_ROOT"

zeroops_start_demo_simulators
zeroops_log "Starting Backstage: frontend http://localhost:3000 (hot reload), backend http://localhost:7007"
yarn start
