#!/usr/bin/env bash
# Random-data check of `xuncha schedule` (tests/random/README.md), and of `xuncha draft` on a few.
#   run.sh XUNCHA SOURCE_DIR [COUNT [FIRST_SEED]]
# COUNT (default $XUNCHA_RANDOM_COUNT, else 300) generated folders from FIRST_SEED (default
# $XUNCHA_RANDOM_SEED, else 1): each is planned with -f json and checked by check.py. Fails on any
# hard-rule violation, any exit code other than 0 or 1, any crash, and a folder said to have no
# schedule (proven) for which the checker's own first fit finds one; "no schedule found" where the
# first fit finds one is printed as a note (a failure with XUNCHA_RANDOM_STRICT=1). XUNCHA_RANDOM_KEEP=DIR
# keeps the generated folders there.
set -u
bin=$(realpath "$1"); src=$(realpath "$2")
count=${3:-${XUNCHA_RANDOM_COUNT:-300}}; first=${4:-${XUNCHA_RANDOM_SEED:-1}}
export LANG=C.UTF-8 NO_COLOR=1
if [ -n "${XUNCHA_RANDOM_KEEP:-}" ]; then work=$XUNCHA_RANDOM_KEEP; mkdir -p "$work"
else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
python3 "$src/tests/random/gen.py" --range "$first" "$count" "$work" || { echo "generator failed"; exit 1; }
fail=0; feasible=0; proven=0; found=0; dirs=()
for ((seed = first; seed < first + count; seed++)); do
  dir=$work/$seed
  read -r -a args <"$dir/args"
  "$bin" schedule "$dir" "${args[@]}" -f json >"$dir/out.json" 2>"$dir/err"; code=$?
  case $code in
    0) feasible=$((feasible+1)); dirs+=("$dir") ;;
    1) dirs+=("$dir")
       if grep -q '"proven": true' "$dir/out.json"; then proven=$((proven+1)); else found=$((found+1)); fi ;;
    *) echo "seed $seed: exit $code: xuncha schedule <folder> ${args[*]}"; head -5 "$dir/err"; fail=$((fail+1)) ;;
  esac
done
if ! python3 "$src/tests/random/check.py" "${dirs[@]}"; then fail=$((fail+1)); fi
# The first ten scheduled folders drafted (xuncha draft) from their plan in every format: exit 0,
# or 2 with a message (data a document needs and the folder lacks), never an internal error.
drafted=0; drafts_ok=0
for dir in "${dirs[@]:0:10}"; do
  read -r -a args <"$dir/args"
  plan=$dir.plan.yaml
  "$bin" schedule "$dir" "${args[@]}" -f yaml -o "$plan" >/dev/null 2>&1 || continue
  year=$(awk '/^from:/{print $2; exit}' "$plan")
  [ -n "$year" ] || continue
  for doc in work-plan team-plan assessment annual; do
    for f in html docx json; do
      "$bin" draft "$doc" "$dir" "$plan" --year "$year" --as-of 2026-11-30 -f "$f" -o "$dir.draft" 2>"$dir.draft.err"; code=$?
      [ $code = 0 ] && drafts_ok=$((drafts_ok+1))
      if [ $code -gt 2 ] || { [ $code = 2 ] && ! [ -s "$dir.draft.err" ]; } || { [ $code = 0 ] && ! [ -s "$dir.draft" ]; }; then
        echo "$dir: xuncha draft $doc --year $year -f $f: exit $code"; head -3 "$dir.draft.err"; fail=$((fail+1))
      fi
    done
  done
  drafted=$((drafted+1))
done
echo "random: $drafted folders drafted (work-plan, team-plan, assessment, annual in html, docx, json), $drafts_ok documents written"
if [ $drafted -gt 0 ] && [ $drafts_ok = 0 ]; then echo "random: no document drafted at all"; fail=$((fail+1)); fi
echo "random: $count folders from seed $first: $feasible scheduled (checked), $proven proven without a schedule, $found without a schedule found; $fail failed"
[ $fail = 0 ]
