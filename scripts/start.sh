#!/usr/bin/env bash
# `make start`: the whole product on the embedded default, as a user runs it: the backend on :7007
# serving the built frontend (the UI at http://localhost:7007), the AWS simulator (demo scenario)
# on :4599 and the GitHub simulator (demo organisation) on :4598. Prints where the start-up time
# went, then runs until Ctrl-C, which stops all three. `make dev` (scripts/dev.sh) serves the
# frontend from the dev server with hot reload instead.
set -euo pipefail
# shellcheck source=lib/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
# shellcheck source=lib/timings.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/timings.sh"
# shellcheck source=lib/demo.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/demo.sh"
# shellcheck source=lib/frontend.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/frontend.sh"
# shellcheck source=lib/backend.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/backend.sh"
cd "$ZEROOPS_ROOT"

zeroops_timings_begin
zeroops_ensure_node
zeroops_ensure_yarn
zeroops_timing "Node.js and Yarn" "$(node -v)"

zeroops_ensure_dependencies
zeroops_timing "dependencies" "$([ "$ZEROOPS_DEPENDENCIES_INSTALLED" = true ] && echo "yarn install" || echo "up to date")"

zeroops_ensure_frontend_build
zeroops_timing "frontend build" "$([ "$ZEROOPS_FRONTEND_BUILT" = true ] && echo "packages/app/dist" || echo "cached (sources unchanged)")"

zeroops_start_demo_simulators
zeroops_timing "simulators" "AWS :4599, GitHub :4598"

zeroops_start_backend
zeroops_timing "backend ready" "log in .zeroops/backend.log"

zeroops_print_timings
zeroops_log "ZeroOps is running at http://localhost:7007 (Ctrl-C stops it)"
wait "$ZEROOPS_BACKEND_PID"
