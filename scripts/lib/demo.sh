#!/usr/bin/env bash
# What `make start` and `make dev` both run around Backstage: the AWS simulator (demo scenario) on
# :4599, the GitHub simulator (demo organisation) on :4598, and the local publisher's folder.

# shellcheck source=simulator.sh
. "$(dirname "${BASH_SOURCE[0]}")/simulator.sh"
# shellcheck source=github-simulator.sh
. "$(dirname "${BASH_SOURCE[0]}")/github-simulator.sh"

# Starts both simulators and stops them (and ZEROOPS_BACKEND_PID, once set) when the script exits.
zeroops_start_demo_simulators() {
  trap zeroops_stop_demo EXIT
  # Ctrl-C or a SIGTERM (Playwright's webServer) ends the script, which runs the EXIT trap.
  trap 'exit 130' INT
  trap 'exit 143' TERM
  zeroops_start_simulator
  zeroops_start_github_simulator

  # Turns on the local publisher (zeroops:publish:local and its file:// reader, added by
  # packages/backend/src/index.ts only when this is set) and keeps the repositories the templates
  # publish inside the checkout (app-config.yaml: zeroops.publish.local.baseDir).
  export ZEROOPS_LOCAL_REPOSITORIES="${ZEROOPS_LOCAL_REPOSITORIES:-$ZEROOPS_ROOT/.zeroops/repositories}"
}

zeroops_stop_demo() {
  zeroops_stop_local_server "${ZEROOPS_BACKEND_PID:-}"
  zeroops_stop_github_simulator
  zeroops_stop_simulator
}
