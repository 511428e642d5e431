#!/usr/bin/env bash
# Starts the local GitHub API simulator (demo organisation zeroops-demo) and points the backend at
# it through ZEROOPS_GITHUB_API_URL, as a user would point it at GitHub Enterprise. In live mode
# it re-runs a preview deployment every 20 s and delivers the webhooks to the demo backend; while
# the backend is not up yet the deliveries are dropped quietly (reconciliation backfills them).

ZEROOPS_GITHUB_SIMULATOR_PORT="${ZEROOPS_GITHUB_SIMULATOR_PORT:-4598}"
# The demo backend's GitHub webhook secret (DEMO_WEBHOOK_SECRET in packages/github-simulator).
ZEROOPS_DEMO_WEBHOOK_SECRET="${ZEROOPS_DEMO_WEBHOOK_SECRET:-zeroops-demo-webhook-secret}"

zeroops_start_github_simulator() {
  if [ ! -f "$ZEROOPS_ROOT/packages/github-simulator/bin/github-simulator.mjs" ]; then
    zeroops_log "GitHub simulator not present; delivery features will show no data"
    return
  fi
  mkdir -p "$ZEROOPS_ROOT/.zeroops"
  local log="$ZEROOPS_ROOT/.zeroops/github-simulator.log"
  # Something else on the port would answer in the simulator's place: refuse, saying why.
  if (exec 3<>"/dev/tcp/127.0.0.1/$ZEROOPS_GITHUB_SIMULATOR_PORT") 2>/dev/null; then
    zeroops_die "port $ZEROOPS_GITHUB_SIMULATOR_PORT is already in use (another GitHub simulator or make start?); stop it or set ZEROOPS_GITHUB_SIMULATOR_PORT"
  fi
  zeroops_log "Starting the GitHub simulator (demo organisation, live webhooks) on 127.0.0.1:$ZEROOPS_GITHUB_SIMULATOR_PORT"
  (cd "$ZEROOPS_ROOT" && exec node packages/github-simulator/bin/github-simulator.mjs \
    --port "$ZEROOPS_GITHUB_SIMULATOR_PORT" --live \
    --webhook-url "http://localhost:7007/api/events/http/github" \
    --webhook-secret "$ZEROOPS_DEMO_WEBHOOK_SECRET") >"$log" 2>&1 &
  ZEROOPS_GITHUB_SIMULATOR_PID=$!
  local i
  for i in $(seq 1 75); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$ZEROOPS_GITHUB_SIMULATOR_PORT") 2>/dev/null; then break; fi
    kill -0 "$ZEROOPS_GITHUB_SIMULATOR_PID" 2>/dev/null ||
      zeroops_die "the GitHub simulator exited; see .zeroops/github-simulator.log"
    sleep 0.2
    [ "$i" = 75 ] && zeroops_die "the GitHub simulator did not listen within 15 s; see .zeroops/github-simulator.log"
  done
  kill -0 "$ZEROOPS_GITHUB_SIMULATOR_PID" 2>/dev/null ||
    zeroops_die "the GitHub simulator exited; see .zeroops/github-simulator.log"
  export ZEROOPS_GITHUB_API_URL="http://127.0.0.1:$ZEROOPS_GITHUB_SIMULATOR_PORT"
  export ZEROOPS_DEMO_WEBHOOK_SECRET
}

zeroops_stop_github_simulator() {
  if [ -n "${ZEROOPS_GITHUB_SIMULATOR_PID:-}" ]; then
    kill "$ZEROOPS_GITHUB_SIMULATOR_PID" 2>/dev/null || true
    wait "$ZEROOPS_GITHUB_SIMULATOR_PID" 2>/dev/null || true
  fi
}
