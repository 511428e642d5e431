#!/usr/bin/env bash
# The built frontend that `make start` serves through the backend (@backstage/plugin-app-backend
# serves packages/app/dist at :7007). A production bundle loads in a fraction of the dev server's
# time, and building it once takes less than the dev server's first compile; the stamp below
# skips the build when nothing it is made from changed (scripts/lib/frontend-build-stamp.mjs).

ZEROOPS_FRONTEND_DIST="$ZEROOPS_ROOT/packages/app/dist"
# Inside dist, so that anything else that cleans or rebuilds dist also drops the stamp.
ZEROOPS_FRONTEND_STAMP="$ZEROOPS_FRONTEND_DIST/.zeroops-build-stamp"

# Sets ZEROOPS_FRONTEND_BUILT=true when it built, false when the build in dist was current (read
# by start.sh).
# shellcheck disable=SC2034 # read by the sourcing script
zeroops_ensure_frontend_build() {
  local stamp log="$ZEROOPS_ROOT/.zeroops/frontend-build.log"
  stamp="$(node "$ZEROOPS_ROOT/scripts/lib/frontend-build-stamp.mjs" "$ZEROOPS_ROOT")" ||
    zeroops_die "could not compute the frontend build stamp"
  if [ -f "$ZEROOPS_FRONTEND_STAMP" ] && [ "$(cat "$ZEROOPS_FRONTEND_STAMP")" = "$stamp" ] &&
    [ -f "$ZEROOPS_FRONTEND_DIST/index.html" ]; then
    ZEROOPS_FRONTEND_BUILT=false
    return
  fi
  mkdir -p "$ZEROOPS_ROOT/.zeroops"
  zeroops_log "Building the frontend (packages/app → dist; log in .zeroops/frontend-build.log)"
  # The build removes dist first, stamp included, so an interrupted build is never taken as current.
  (cd "$ZEROOPS_ROOT/packages/app" && yarn build) >"$log" 2>&1 ||
    { tail -n 40 "$log" >&2; zeroops_die "the frontend build failed; see .zeroops/frontend-build.log"; }
  printf '%s\n' "$stamp" >"$ZEROOPS_FRONTEND_STAMP"
  ZEROOPS_FRONTEND_BUILT=true
}
