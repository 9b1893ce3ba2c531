#!/usr/bin/env bash
# The same input gives the same bytes: check, deadlines, schedule, ledger and draft run twice each, with -j1 and
# -j2, in several formats, and every output must be byte-identical to the first.
set -u
bin=$1; src=$2
cd "$src" || exit 2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export LANG=C.UTF-8 NO_COLOR=1
fail=0; n=0
run() {  # name, then the arguments
  local name=$1; shift
  local first=""
  for jobs in 1 2 1 2; do
    "$bin" "$@" -j "$jobs" >"$tmp/out" 2>"$tmp/err"; echo "exit $?" >>"$tmp/err"
    cat "$tmp/out" "$tmp/err" >"$tmp/all.$jobs.$n"
    if [ -z "$first" ]; then first="$tmp/all.$jobs.$n"
    elif ! cmp -s "$first" "$tmp/all.$jobs.$n"; then
      echo "DIFFERS: $name (-j $jobs)"; diff "$first" "$tmp/all.$jobs.$n" | head -5; fail=$((fail+1))
    fi
    n=$((n+1))
  done
  echo "same bytes x4: $name"
}
for f in text json sarif csv; do
  run "check -f $f" check examples/province examples/broken --as-of 2026-11-30 -f "$f"
done
run "check zh" --lang zh check examples/province --as-of 2026-11-30
run "teams json" teams examples/province tests/data/teams --as-of 2026-11-30 -f json
for f in text json csv ics html xlsx; do
  run "ledger -f $f" ledger examples/province --as-of 2026-11-30 --by tour -f "$f"
done
for f in text json csv ics; do
  run "deadlines -f $f" deadlines examples/province --as-of 2026-11-30 --all -f "$f"
done
for f in text yaml json csv md html ics; do
  run "schedule -f $f" schedule examples/province --from 2027 --as-of 2026-11-30 -f "$f"
done
for f in html docx json; do
  run "draft report -f $f" draft report examples/province --tour T2025-wuhan --as-of 2026-11-30 -f "$f"
done
run "draft annual -f docx" draft annual examples/province --year 2026 --as-of 2026-11-30 -f docx
# A Word document's zip entries carry a fixed DOS time, not the clock's in the local time zone.
TZ=Asia/Shanghai "$bin" draft annual examples/province --year 2026 --as-of 2026-11-30 -f docx >"$tmp/tz1.docx"
TZ=America/New_York "$bin" draft annual examples/province --year 2026 --as-of 2026-11-30 -f docx >"$tmp/tz2.docx"
cmp -s "$tmp/tz1.docx" "$tmp/tz2.docx" || { echo "DIFFERS: draft -f docx across time zones"; fail=$((fail+1)); }
run "schedule seed 7" schedule examples/province --from 2027 --as-of 2026-11-30 --seed 7 -f json
[ $fail = 0 ] && echo "determinism: all outputs identical" || { echo "determinism: $fail differences"; exit 1; }
