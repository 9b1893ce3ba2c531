#!/usr/bin/env bash
# Golden end-to-end tests. Each folder under tests/golden/cases/ holds:
#   args    the command line after `xuncha`, one line, run from the repository root
#           (may use $TMP for a scratch folder; a file `stdin` beside it is fed as input)
#   stdout  expected standard output      stderr  expected standard error
#   code    expected exit code
# UPDATE=1 rewrites the expectations from the current binary (review the diff!).
set -u
bin=$(realpath "$1"); src=$(realpath "$2"); filter=${3:-}
cd "$src" || exit 2
fail=0; n=0
export LANG=C.UTF-8 NO_COLOR=1
unset LC_ALL FORCE_COLOR
for dir in tests/golden/cases/*/; do
  name=$(basename "$dir")
  [ -n "$filter" ] && [[ "$name" != *$filter* ]] && continue
  n=$((n+1))
  TMP=$(mktemp -d); export TMP
  args=$(cat "$dir/args")
  if [ -f "$dir/stdin" ]; then
    eval "\"$bin\" $args" <"$dir/stdin" >"$TMP/.out" 2>"$TMP/.err"; code=$?
  else
    eval "\"$bin\" $args" </dev/null >"$TMP/.out" 2>"$TMP/.err"; code=$?
  fi
  sed -i "s#$TMP#\$TMP#g" "$TMP/.out" "$TMP/.err"
  if [ "${UPDATE:-0}" = 1 ]; then
    cp "$TMP/.out" "$dir/stdout"; cp "$TMP/.err" "$dir/stderr"; echo "$code" >"$dir/code"
  else
    ok=1
    if ! cmp -s "$TMP/.out" "$dir/stdout"; then ok=0; echo "--- $name: stdout differs"; diff "$dir/stdout" "$TMP/.out" | head -20; fi
    if ! cmp -s "$TMP/.err" "$dir/stderr"; then ok=0; echo "--- $name: stderr differs"; diff "$dir/stderr" "$TMP/.err" | head -20; fi
    if [ "$code" != "$(cat "$dir/code")" ]; then ok=0; echo "--- $name: exit $code, expected $(cat "$dir/code")"; fi
    [ $ok = 1 ] || fail=$((fail+1))
  fi
  rm -rf "$TMP"
done
echo "golden: $n cases, $fail failed"
[ $fail = 0 ]
