#!/usr/bin/env bash
# Builds the fuzz targets with clang++ (-fsanitize=fuzzer,address) in build-fuzz/ and runs one.
# Usage: fuzz/run.sh [SECONDS=300] [TARGET=loader] [extra libFuzzer flags...]
#   TARGET: loader (the YAML loader), yaml (the YAML fast path against yaml-cpp), import (the
#           spreadsheet readers: xlsx and CSV, then the importer) or one
#           subcommand's in-process entry point:
#           check, teams, deadlines, schedule, workdays.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECS=${1:-300}
TARGET=${2:-loader}
shift $(( $# < 2 ? $# : 2 ))
B=${XUNCHA_FUZZ_BUILD:-$ROOT/build-fuzz}
cmake -S "$ROOT" -B "$B" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DXUNCHA_FUZZ=ON -DXUNCHA_BUILD_TESTS=OFF -DXUNCHA_BUILD_BENCH=OFF -DXUNCHA_WERROR=ON >/dev/null
# (the build's messages go to the log only when it fails)
ninja -C "$B" -j"${JOBS:-1}" "xuncha_fuzz_$TARGET" >"$B/fuzz-build-$TARGET.log" 2>&1 ||
  { tail -60 "$B/fuzz-build-$TARGET.log" >&2; exit 1; }
case "$TARGET" in
  loader|yaml) seeds=$ROOT/fuzz/corpus/loader; max_len=8192; set -- -dict="$ROOT/fuzz/yaml.dict" "$@" ;;
  import) seeds=$ROOT/fuzz/corpus/import; max_len=65536 ;;
  workdays) seeds=$ROOT/fuzz/corpus/workdays; max_len=256 ;;
  *) seeds=$ROOT/fuzz/corpus/cli; max_len=65536 ;;
esac
WORK=$B/fuzz-work/$TARGET
mkdir -p "$WORK/corpus" "$WORK/artifacts"
# New inputs go to the work corpus; the committed seeds stay read-only.
exec "$B/fuzz/xuncha_fuzz_$TARGET" "$WORK/corpus" "$seeds" \
  -max_total_time="$SECS" -max_len="$max_len" -rss_limit_mb=2048 -timeout=10 \
  -artifact_prefix="$WORK/artifacts/" -print_final_stats=1 "$@"
