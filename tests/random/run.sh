#!/usr/bin/env bash
# Random-data check of `xuncha schedule` (tests/random/README.md).
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
echo "random: $count folders from seed $first: $feasible scheduled (checked), $proven proven without a schedule, $found without a schedule found; $fail failed"
[ $fail = 0 ]
