#!/usr/bin/env bash
# Running out of memory is the input's size, not a bug (issue 20, item 8): `xuncha check` on a
# generated regions file under an address-space limit far below what the file needs must exit 2
# with "input too large for the available memory" (in Chinese under --lang zh), never an
# internal error (3) or a signal. Skipped under AddressSanitizer, whose shadow memory needs
# terabytes of address space.
# Usage: out_of_memory.sh BIN SRCDIR
set -u
BIN=$(realpath "$1")
SRC=$(realpath "$2")
case "$BIN" in *asan*) echo "skipped: AddressSanitizer build"; exit 77 ;; esac
[ "${XUNCHA_ASAN:-0}" = 1 ] && { echo "skipped: AddressSanitizer build"; exit 77; }
command -v prlimit >/dev/null || { echo "skipped: no prlimit"; exit 77; }
T=$(mktemp -d "${TMPDIR:-/tmp}/xuncha-oom.XXXXXX")
trap 'rm -rf "$T"' EXIT

# 400,000 records, 31 MB: about 200 MB to load, against a limit of 120 MB of address space
# (the binary and its libraries take some 30 MB of it before reading anything).
python3 "$SRC/bench/gen_regions.py" "$T/regions.yaml" 400000 || exit 1
LIMIT=$((120 * 1024 * 1024))

fail=0
# check NAME EXPECTED-STDERR ARGS...
check() {
  local name=$1 want=$2
  shift 2
  prlimit --as=$LIMIT "$BIN" "$@" >"$T/out.txt" 2>"$T/err.txt" </dev/null
  local rc=$?
  if [ "$rc" != 2 ] || ! grep -qF -- "$want" "$T/err.txt"; then
    echo "FAIL $name: exit $rc (want 2), stderr:"
    head -c 2000 "$T/err.txt"
    fail=1
  else
    echo "ok   $name: exit 2, $(cat "$T/err.txt")"
  fi
}
check "check -j1" "xuncha: error: input too large for the available memory" check "$T/regions.yaml" -j 1 --as-of 2026-11-30
check "check -j2" "xuncha: error: input too large for the available memory" check "$T/regions.yaml" -j 2 --as-of 2026-11-30
check "check --lang zh" "xuncha：错误：输入过大，可用内存不足" check "$T/regions.yaml" -j 1 --lang zh --as-of 2026-11-30
# The same file with room to spare loads (the limit is what fails above, not the file).
prlimit --as=$((2048 * 1024 * 1024)) "$BIN" check "$T/regions.yaml" -j 1 --as-of 2026-11-30 -f concise >/dev/null 2>"$T/err.txt"
rc=$?
if [ "$rc" = 2 ] || [ "$rc" -ge 3 ]; then
  echo "FAIL with 2 GB of address space: exit $rc"
  head -c 2000 "$T/err.txt"
  fail=1
else
  echo "ok   with 2 GB of address space: exit $rc"
fi
exit $fail
