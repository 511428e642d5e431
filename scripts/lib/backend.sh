#!/usr/bin/env bash
# The backend of `make start`: packages/backend on :7007 with app-config.start.yaml layered on the
# embedded default, serving the built frontend. Its log goes to .zeroops/backend.log so that the
# terminal keeps the start-up summary.

# shellcheck source=local-server.sh
. "$(dirname "${BASH_SOURCE[0]}")/local-server.sh"

ZEROOPS_BACKEND_PORT=7007

# The status code of GET http://127.0.0.1:<port><path>, or nothing when nothing answers. Bash's
# /dev/tcp rather than curl: the README promises no more than git, Node.js, npm, python3, make, g++.
zeroops_http_status() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3
    IFS=' ' read -r -t 10 _ status _ <&3 && printf '%s' "$status"
  ) 2>/dev/null
}

# Starts the backend and returns once every plugin has started (the readiness endpoint answers
# 200), the app plugin included, so http://localhost:7007 then serves the frontend.
zeroops_start_backend() {
  local configs=(--config "$ZEROOPS_ROOT/app-config.yaml" --config "$ZEROOPS_ROOT/app-config.start.yaml")
  # Given --config, Backstage reads only the files named; keep a developer's local overrides.
  [ -f "$ZEROOPS_ROOT/app-config.local.yaml" ] && configs+=(--config "$ZEROOPS_ROOT/app-config.local.yaml")
  zeroops_start_local_server "backend (serving the built frontend)" ZEROOPS_BACKEND_PORT \
    ZEROOPS_BACKEND_PID backend 300 yarn workspace backend start "${configs[@]}"
  local deadline=$((SECONDS + 300))
  until [ "$(zeroops_http_status "$ZEROOPS_BACKEND_PORT" /.backstage/health/v1/readiness)" = 200 ]; do
    kill -0 "$ZEROOPS_BACKEND_PID" 2>/dev/null || { tail -n 40 "$ZEROOPS_ROOT/.zeroops/backend.log" >&2; zeroops_die "the backend exited; see .zeroops/backend.log"; }
    [ "$SECONDS" -lt "$deadline" ] || zeroops_die "the backend was not ready within 300 s; see .zeroops/backend.log"
    sleep 0.5
  done
}
