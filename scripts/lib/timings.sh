#!/usr/bin/env bash
# Where the start-up time of `make start` goes: each step records its seconds and a note, and the
# table is printed once the product is up.

ZEROOPS_TIMINGS=()

# EPOCHREALTIME (bash 5) has the locale's decimal separator; awk wants a dot.
zeroops_now() {
  local now="${EPOCHREALTIME:-$(date +%s)}"
  echo "${now/,/.}"
}

zeroops_timings_begin() {
  ZEROOPS_TIMINGS_START="$(zeroops_now)"
  ZEROOPS_TIMINGS_LAST="$ZEROOPS_TIMINGS_START"
}

# zeroops_timing <step> [note]: the time since the previous step (or the beginning).
zeroops_timing() {
  local now
  now="$(zeroops_now)"
  ZEROOPS_TIMINGS+=("$(awk -v a="$ZEROOPS_TIMINGS_LAST" -v b="$now" -v step="$1" -v note="${2:-}" \
    'BEGIN { printf "  %-22s %7.1f s  %s", step, b - a, note }')")
  ZEROOPS_TIMINGS_LAST="$now"
}

zeroops_print_timings() {
  local now
  now="$(zeroops_now)"
  {
    echo
    echo "Start-up time"
    printf '%s\n' "${ZEROOPS_TIMINGS[@]}"
    awk -v a="$ZEROOPS_TIMINGS_START" -v b="$now" 'BEGIN { printf "  %-22s %7.1f s\n", "total", b - a }'
    echo
  } >&2
}
