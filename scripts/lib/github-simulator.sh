#!/usr/bin/env bash
# Starts the local GitHub API simulator (demo organisation zeroops-demo) and points the backend at
# it through ZEROOPS_GITHUB_API_URL, as a user would point it at GitHub Enterprise. In live mode
# it re-runs a preview deployment every 20 s and delivers the webhooks to the demo backend; while
# the backend is not up yet the deliveries are dropped quietly (reconciliation backfills them).

# shellcheck source=local-server.sh
. "$(dirname "${BASH_SOURCE[0]}")/local-server.sh"

ZEROOPS_GITHUB_SIMULATOR_PORT="${ZEROOPS_GITHUB_SIMULATOR_PORT:-4598}"
# The demo backend's GitHub webhook secret (DEMO_WEBHOOK_SECRET in dev/github-simulator).
ZEROOPS_DEMO_WEBHOOK_SECRET="${ZEROOPS_DEMO_WEBHOOK_SECRET:-zeroops-demo-webhook-secret}"

zeroops_start_github_simulator() {
  if [ ! -f "$ZEROOPS_ROOT/dev/github-simulator/bin/github-simulator.mjs" ]; then
    zeroops_log "GitHub simulator not present; delivery features will show no data"
    return
  fi
  zeroops_start_local_server "GitHub simulator (demo organisation, live webhooks)" \
    ZEROOPS_GITHUB_SIMULATOR_PORT ZEROOPS_GITHUB_SIMULATOR_PID github-simulator 15 \
    node dev/github-simulator/bin/github-simulator.mjs \
    --port "$ZEROOPS_GITHUB_SIMULATOR_PORT" --live \
    --webhook-url "http://localhost:7007/api/events/http/github" \
    --webhook-secret "$ZEROOPS_DEMO_WEBHOOK_SECRET"
  export ZEROOPS_GITHUB_API_URL="http://127.0.0.1:$ZEROOPS_GITHUB_SIMULATOR_PORT"
  export ZEROOPS_DEMO_WEBHOOK_SECRET
}

zeroops_stop_github_simulator() {
  zeroops_stop_local_server "${ZEROOPS_GITHUB_SIMULATOR_PID:-}"
}
