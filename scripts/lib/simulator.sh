#!/usr/bin/env bash
# Starts the local AWS simulator and points the AWS SDK at it through its standard settings
# (AWS_ENDPOINT_URL), exactly as a user would point it at a real endpoint.

ZEROOPS_SIMULATOR_PORT="${ZEROOPS_SIMULATOR_PORT:-4599}"

zeroops_start_simulator() {
  if [ ! -f "$ZEROOPS_ROOT/packages/aws-simulator/bin/aws-simulator.mjs" ]; then
    zeroops_log "AWS simulator not present; AWS-backed features will show errors"
    return
  fi
  mkdir -p "$ZEROOPS_ROOT/.zeroops"
  # Something else on the port would answer in the simulator's place (with another scenario, or
  # not at all), and the product would show that instead of the demo: refuse, saying why.
  if (exec 3<>"/dev/tcp/127.0.0.1/$ZEROOPS_SIMULATOR_PORT") 2>/dev/null; then
    zeroops_die "port $ZEROOPS_SIMULATOR_PORT is already in use (another AWS simulator or make start?); stop it or set ZEROOPS_SIMULATOR_PORT"
  fi
  zeroops_log "Starting the AWS simulator (demo scenario) on 127.0.0.1:$ZEROOPS_SIMULATOR_PORT"
  (cd "$ZEROOPS_ROOT" && exec yarn workspace @zeroops/aws-simulator start --scenario demo \
    --port "$ZEROOPS_SIMULATOR_PORT") >"$ZEROOPS_ROOT/.zeroops/aws-simulator.log" 2>&1 &
  ZEROOPS_SIMULATOR_PID=$!
  local i
  for i in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$ZEROOPS_SIMULATOR_PORT") 2>/dev/null; then break; fi
    kill -0 "$ZEROOPS_SIMULATOR_PID" 2>/dev/null ||
      zeroops_die "the AWS simulator exited; see .zeroops/aws-simulator.log"
    sleep 0.2
    [ "$i" = 50 ] && zeroops_die "the AWS simulator did not listen within 10 s"
  done
  kill -0 "$ZEROOPS_SIMULATOR_PID" 2>/dev/null ||
    zeroops_die "the AWS simulator exited; see .zeroops/aws-simulator.log"
  export AWS_ENDPOINT_URL="http://127.0.0.1:$ZEROOPS_SIMULATOR_PORT"
  # Any non-empty credentials: the simulator checks that requests are SigV4-signed, not the key.
  export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-simulator}"
  export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-simulator}"
  export AWS_REGION="${AWS_REGION:-us-east-1}"
}

zeroops_stop_simulator() {
  if [ -n "${ZEROOPS_SIMULATOR_PID:-}" ]; then
    # yarn runs the simulator as a child process; stop both.
    pkill -TERM -P "$ZEROOPS_SIMULATOR_PID" 2>/dev/null || true
    kill "$ZEROOPS_SIMULATOR_PID" 2>/dev/null || true
    wait "$ZEROOPS_SIMULATOR_PID" 2>/dev/null || true
  fi
}
