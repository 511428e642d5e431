#!/usr/bin/env bash
# Debian packages some tests need: shellcheck (generated scripts), jq (the generated workflows'
# scripts use it, and tests run them) and chromium (browser end-to-end). They are installed on demand when running as root with apt-get available; anywhere
# else the script says what is missing. In CI (CI=true) a missing tool is an error, not a skip.

zeroops_missing_system_tools() {
  local missing=()
  command -v shellcheck >/dev/null || missing+=(shellcheck)
  command -v jq >/dev/null || missing+=(jq)
  [ -x "${ZEROOPS_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium)
  echo "${missing[@]}"
}

zeroops_ensure_system_tools() {
  local missing
  missing="$(zeroops_missing_system_tools)"
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    zeroops_log "Installing Debian packages: $missing"
    # shellcheck disable=SC2086 # word splitting of the package list is intended
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null 2>&1 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1; }; then
      return 0
    fi
  fi
  missing="$(zeroops_missing_system_tools)"
  [ -z "$missing" ] && return 0
  if [ "${CI:-}" = true ]; then
    zeroops_die "missing $missing and could not install it (need root and apt-get)"
  fi
  zeroops_log "SKIPPING tests that need: $missing (install the Debian packages to run them)"
  export ZEROOPS_MISSING_SYSTEM_TOOLS="$missing"
}
