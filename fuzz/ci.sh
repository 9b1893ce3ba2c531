#!/usr/bin/env bash
# CI: every fuzz target for a short while on the committed corpus (default 20 s each).
# Fails on the first crash, leak or timeout. Usage: fuzz/ci.sh [SECONDS=20]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECS=${1:-20}
export XUNCHA_FUZZ_BUILD=${XUNCHA_FUZZ_BUILD:-$ROOT/build-fuzz}
for target in loader yaml import check teams deadlines schedule workdays; do
  echo "== fuzz $target for ${SECS}s"
  # A fresh work corpus each time, so CI runs depend only on committed seeds.
  rm -rf "$XUNCHA_FUZZ_BUILD/fuzz-work/$target"
  log=$XUNCHA_FUZZ_BUILD/fuzz-$target.log
  mkdir -p "$XUNCHA_FUZZ_BUILD"
  if ! JOBS=$(nproc) "$ROOT/fuzz/run.sh" "$SECS" "$target" -seed=1 >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz $target: FAILED (log: $log)"
    exit 1
  fi
  grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)" "$log" || true
done
