#!/bin/sh
# Peak memory of `xuncha check` against the size of its input (issue 20, item 8).
#   bench/memory.sh [BUILD_DIR] [WORK_DIR]
# Generates (once, in WORK_DIR, default /tmp/xuncha-memory) a 2.67-million-record regions file
# of about 200 MB (bench/gen_regions.py) and the country-scale data set of bench_ledger
# (10,000 files, 166 MB), runs `xuncha check` on each under /usr/bin/time -v and prints a table:
# input bytes, peak resident set size, their ratio, wall seconds, exit code. The text format
# prints the coverage table (a row per region), so its memory grows with the output as well.
# RECORDS=N and SCALE=S make smaller inputs (for a quick look).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build-rel}
work=${2:-/tmp/xuncha-memory}
records=${RECORDS:-2670000}
scale=${SCALE:-1}
xuncha=$build/tools/xuncha
[ -x "$xuncha" ] || xuncha=$build/xuncha
mkdir -p "$work"

regions=$work/regions-$records.yaml
[ -f "$regions" ] || python3 "$here/gen_regions.py" "$regions" "$records"
country=$work/country-$scale
if [ ! -d "$country" ]; then
  "$build/bench/bench_ledger" --write "$country.tmp" "$scale" >/dev/null
  mv "$country.tmp" "$country"
fi

measure() {  # COMMAND NAME PATH ARGS...
  cmd=$1
  name=$2
  path=$3
  shift 3
  bytes=$(find "$path" -type f -name '*.yaml' -printf '%s\n' | awk '{s += $1} END {print s}')
  log=$work/time.log
  set +e
  # (never more than 8 GB of address space: a run past it ends with exit 2, "input too large")
  /usr/bin/time -v prlimit --as=$((8 << 30)) "$xuncha" "$cmd" "$path" --as-of 2026-11-30 "$@" >/dev/null 2>"$log"
  set -e
  report "$name" "$bytes" "$log"
}

report() {  # NAME BYTES TIME-LOG
  name=$1
  bytes=$2
  log=$3
  code=$(sed -n 's/.*Exit status: //p' "$log")
  kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" |
         awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  awk -v n="$name" -v b="$bytes" -v kb="$kb" -v w="$wall" -v c="$code" '
    function commas(x,   s) { s = sprintf("%d", x); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); return s }
    BEGIN { printf "| %s | %s | %s MB | %.1fx | %.1f s | %s |\n", n, commas(b), commas(kb * 1024 / 1e6), kb * 1024 / b, w, c }'
}

echo "| input | bytes | peak RSS | RSS / bytes | wall | exit |"
echo "|---|---:|---:|---:|---:|---:|"
# Loading alone: `xuncha ledger` reads and checks the regions file like check does and reports
# nothing on a file without ledger records.
measure ledger "regions ($records records), loading alone (ledger)" "$regions" -j 1
measure check "regions ($records records), -f concise" "$regions" -f concise
measure check "regions ($records records), text (coverage table of every region)" "$regions"
measure check "country (bench_ledger $scale), -f concise -j1" "$country" -f concise -j 1
measure check "country (bench_ledger $scale), -f concise -j2" "$country" -f concise -j 2
