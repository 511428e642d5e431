#!/usr/bin/env bash
# The field's own tools (Checkov, actionlint, zizmor, moto_server) in a virtualenv under
# .tools/python, installed from the hash-pinned scripts/python-tools/requirements.txt and
# reinstalled only when that file or the Python version changes: the same contract as Node 24
# and Yarn in env.sh. Exports ZEROOPS_PYTHON_TOOLS_BIN, which the tests read to find the tools.

zeroops_python_tools_stamp() {
  { python3 --version 2>&1; cat "$ZEROOPS_ROOT/scripts/python-tools/requirements.txt"; } | sha1sum | cut -d' ' -f1
}

zeroops_ensure_python_tools() {
  local venv="$ZEROOPS_TOOLS/python" stamp
  local stamp_file="$venv/.zeroops-install-stamp"
  command -v python3 >/dev/null || zeroops_die "python3 is required for Checkov, actionlint, zizmor and moto"
  stamp="$(zeroops_python_tools_stamp)"
  if [ ! -f "$stamp_file" ] || [ "$(cat "$stamp_file")" != "$stamp" ]; then
    zeroops_log "Installing Checkov, zizmor and moto into .tools/python (pip --require-hashes)"
    rm -rf "$venv"
    if ! python3 -m venv "$venv" >/dev/null 2>&1; then
      # Debian's python3 ships venv separately; install it when we may, as for chromium.
      rm -rf "$venv"
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv; } >/dev/null 2>&1
      fi
      python3 -m venv "$venv" || zeroops_die "python3 -m venv failed: install Debian's python3-venv"
    fi
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input \
      --require-hashes --only-binary=:all: -r "$ZEROOPS_ROOT/scripts/python-tools/requirements.txt" ||
      zeroops_die "installing the Python tools failed (scripts/python-tools/requirements.txt)"
    local tool
    for tool in checkov zizmor moto_server; do
      [ -x "$venv/bin/$tool" ] || zeroops_die "$tool is missing from .tools/python/bin after install"
    done
    echo "$stamp" >"$stamp_file"
  fi
  export ZEROOPS_PYTHON_TOOLS_BIN="$venv/bin"
}
