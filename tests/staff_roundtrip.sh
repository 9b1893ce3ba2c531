#!/usr/bin/env bash
# The office's workflow on the example province: schedule 2027-2031, then the team plan for it,
# then `check` on both. The plan's YAML must add no team finding (T1xx) to those the example's
# own data already has, with -j1 and -j2 and two seeds giving valid plans; then the planted
# instances of staff_planted.py.
set -u
bin=$(realpath "$1"); src=$2
cd "$src" || exit 2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export LANG=C.UTF-8 NO_COLOR=1
fail=0
"$bin" schedule examples/province --from 2027 --as-of 2026-11-30 -f yaml -o "$tmp/schedule.yaml" || { echo "FAIL: schedule"; exit 1; }
"$bin" check examples/province "$tmp/schedule.yaml" --as-of 2026-11-30 --select T -f concise >"$tmp/before.txt"
for seed in 1 7; do
  for jobs in 1 2; do
    "$bin" staff examples/province --schedule "$tmp/schedule.yaml" --as-of 2026-11-30 --seed "$seed" -j "$jobs" -f yaml \
      -o "$tmp/plan.$seed.$jobs.yaml" || { echo "FAIL: staff --seed $seed -j $jobs"; fail=1; continue; }
  done
  cmp -s "$tmp/plan.$seed.1.yaml" "$tmp/plan.$seed.2.yaml" || { echo "FAIL: -j1 and -j2 differ (seed $seed)"; fail=1; }
  "$bin" check examples/province "$tmp/plan.$seed.1.yaml" --as-of 2026-11-30 --select T -f concise >"$tmp/after.txt"
  if ! diff "$tmp/before.txt" "$tmp/after.txt"; then echo "FAIL: the plan (seed $seed) adds team findings"; fail=1; fi
  echo "seed $seed: plan written, the same bytes for -j1 and -j2, no new team finding"
done
python3 "$src/tests/staff_planted.py" "$bin" 40 || fail=1
exit $fail
