#!/usr/bin/env bash
# Points Backstage's TestDatabases/TestCaches at the PostgreSQL and Redis of this machine, so the
# plugin's database and cache tests run on PostgreSQL and SQLite, Redis and memory.

zeroops_port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

zeroops_configure_test_services() {
  # The server is PostgreSQL 15 (Debian 12); the id names the version the tests run against.
  local pg="${ZEROOPS_TEST_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432}"
  local redis="${ZEROOPS_TEST_REDIS_URL:-redis://127.0.0.1:6379}"
  if zeroops_port_open 127.0.0.1 5432; then
    export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-$pg}"
  elif [ "${CI:-}" = true ]; then
    zeroops_die "PostgreSQL is not reachable at 127.0.0.1:5432; CI requires it"
  else
    zeroops_log "SKIPPING PostgreSQL-backed tests: nothing listens on 127.0.0.1:5432 (SQLite still runs)"
  fi
  if zeroops_port_open 127.0.0.1 6379; then
    export BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING="${BACKSTAGE_TEST_CACHE_REDIS7_CONNECTION_STRING:-$redis}"
  elif [ "${CI:-}" = true ]; then
    zeroops_die "Redis is not reachable at 127.0.0.1:6379; CI requires it"
  else
    zeroops_log "SKIPPING Redis-backed tests: nothing listens on 127.0.0.1:6379 (memory cache still runs)"
  fi
  # Never try to start containers: there is no Docker engine on our machines.
  export BACKSTAGE_TEST_DISABLE_DOCKER=1
}
