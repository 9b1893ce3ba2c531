#!/usr/bin/env bash
# Builds the loader fuzzer with clang++ (-fsanitize=fuzzer,address) in build-fuzz/ and runs it.
# Usage: fuzz/run.sh [SECONDS=300] [extra libFuzzer flags...]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECS=${1:-300}
shift || true
B=${XUNCHA_FUZZ_BUILD:-$ROOT/build-fuzz}
cmake -S "$ROOT" -B "$B" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DXUNCHA_FUZZ=ON -DXUNCHA_BUILD_TESTS=OFF -DXUNCHA_BUILD_BENCH=OFF -DXUNCHA_WERROR=ON >/dev/null
ninja -C "$B" -j"${JOBS:-1}" xuncha_fuzz_loader
WORK=$B/fuzz-work
mkdir -p "$WORK/corpus" "$WORK/artifacts"
# New inputs go to the work corpus; the committed seeds stay read-only.
exec "$B/fuzz/xuncha_fuzz_loader" "$WORK/corpus" "$ROOT/fuzz/corpus/loader" \
  -max_total_time="$SECS" -max_len=8192 -rss_limit_mb=2048 -timeout=10 \
  -artifact_prefix="$WORK/artifacts/" -print_final_stats=1 "$@"
