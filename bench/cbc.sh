#!/bin/sh
# Solves the slot MIP of the one-province bench instance (17 regions, 5 years, 4 teams) with
# Debian's CBC (apt-get install coinor-cbc; benchmark only) and prints it next to xuncha's answer.
#   bench/cbc.sh [BUILD_DIR] [SECONDS]      default: build-rel, 600 s limit for CBC
set -eu
build=${1:-build-rel}
limit=${2:-600}
out=${TMPDIR:-/tmp}/xuncha-cbc.$$
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT
"$build/bench/bench_schedule" --dump-mip "$out/slot.lp" 17 5 4
start=$(date +%s.%N)
cbc "$out/slot.lp" sec "$limit" solve solu "$out/slot.sol" > "$out/cbc.log"
end=$(date +%s.%N)
status=$(head -1 "$out/slot.sol")
echo "CBC: $status ($(echo "$end - $start" | bc) s wall)"
grep -E "^(Result|Objective value|Enumerated nodes|Total time)" "$out/cbc.log" || true
echo "xuncha:"
"$build/bench/bench_schedule" 17 5 4
