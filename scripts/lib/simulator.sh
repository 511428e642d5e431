#!/usr/bin/env bash
# Starts the local AWS simulator and points the AWS SDK at it through its standard settings
# (AWS_ENDPOINT_URL), exactly as a user would point it at a real endpoint.

# shellcheck source=local-server.sh
. "$(dirname "${BASH_SOURCE[0]}")/local-server.sh"

ZEROOPS_SIMULATOR_PORT="${ZEROOPS_SIMULATOR_PORT:-4599}"

zeroops_start_simulator() {
  if [ ! -f "$ZEROOPS_ROOT/dev/aws-simulator/bin/aws-simulator.mjs" ]; then
    zeroops_log "AWS simulator not present; AWS-backed features will show errors"
    return
  fi
  zeroops_start_local_server "AWS simulator (demo scenario)" ZEROOPS_SIMULATOR_PORT \
    ZEROOPS_SIMULATOR_PID aws-simulator 10 \
    yarn workspace @zeroops/aws-simulator start --scenario demo --port "$ZEROOPS_SIMULATOR_PORT"
  export AWS_ENDPOINT_URL="http://127.0.0.1:$ZEROOPS_SIMULATOR_PORT"
  # Any non-empty credentials: the simulator checks that requests are SigV4-signed, not the key.
  export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-simulator}"
  export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-simulator}"
  export AWS_REGION="${AWS_REGION:-us-east-1}"
}

zeroops_stop_simulator() {
  zeroops_stop_local_server "${ZEROOPS_SIMULATOR_PID:-}"
}
