#!/usr/bin/env bash
# Starts and stops a local server (the AWS and GitHub simulators) in the background for
# `make start`: refuses a busy port, logs to .zeroops/<name>.log and waits until the port listens.

# zeroops_start_local_server <label> <port variable> <pid variable> <log name> <wait seconds> <command...>
# e.g. zeroops_start_local_server "AWS simulator (demo scenario)" ZEROOPS_SIMULATOR_PORT \
#   ZEROOPS_SIMULATOR_PID aws-simulator 10 yarn workspace @zeroops/aws-simulator start
# Runs <command...> from $ZEROOPS_ROOT. The pid variable is set as soon as the server is started,
# so an EXIT trap that stops it also stops a server that fails to come up.
zeroops_start_local_server() {
  local label="$1" port_variable="$2" pid_variable="$3" log_name="$4" wait_seconds="$5"
  shift 5
  local port="${!port_variable}"
  local name="${label%% (*}"
  local log=".zeroops/$log_name.log"
  mkdir -p "$ZEROOPS_ROOT/.zeroops"
  # Something else on the port would answer in the server's place (another scenario, or not at
  # all), and the product would show that instead of the demo: refuse, saying why.
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    zeroops_die "port $port is already in use (another $name or make start?); stop it or set $port_variable"
  fi
  zeroops_log "Starting the $label on 127.0.0.1:$port"
  (cd "$ZEROOPS_ROOT" && exec "$@") >"$ZEROOPS_ROOT/$log" 2>&1 &
  printf -v "$pid_variable" '%s' "$!"
  local pid="${!pid_variable}"
  local attempts=$((wait_seconds * 5)) i
  for i in $(seq 1 "$attempts"); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    kill -0 "$pid" 2>/dev/null || zeroops_die "the $name exited; see $log"
    sleep 0.2
    [ "$i" = "$attempts" ] && zeroops_die "the $name did not listen within $wait_seconds s; see $log"
  done
  kill -0 "$pid" 2>/dev/null || zeroops_die "the $name exited; see $log"
}

# zeroops_stop_local_server <pid>: stops a server started above (nothing if the pid is empty).
zeroops_stop_local_server() {
  if [ -n "${1:-}" ]; then
    # A launcher such as yarn runs the server as a child process; stop both.
    pkill -TERM -P "$1" 2>/dev/null || true
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
  fi
}
