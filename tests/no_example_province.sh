#!/usr/bin/env bash
# Nothing of the example province is a default (issue 21, item 3): the example province copied
# without its policy document, run through every command and text-like format in zh and en,
# must never show the example's name (湖北省), the old placeholder (XX省) or its region count
# from a default ("17 个" / "17 regions"); `check` says once that the province is not named.
# Binary formats (xlsx) are left out: their text is the same titles as html and csv.
# usage: no_example_province.sh XUNCHA SOURCE_DIR
set -u
bin=$(realpath "$1"); src=$(realpath "$2")
export LANG=C.UTF-8 NO_COLOR=1
unset LC_ALL FORCE_COLOR
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
fail=0; runs=0
bad() { echo "FAIL: $*"; fail=1; }

# The copy: every file, less the policy document (a file may hold it among other documents).
cp -r "$src/examples/province" "$T/p"
name=$(awk '/^province:/{print $2; exit}' $(grep -l '^kind: policy' "$T"/p/*.yaml))
[ "$name" = 湖北省 ] || bad "the example's policy should name 湖北省 (found '$name')"
for f in $(grep -l '^kind: policy' "$T"/p/*.yaml); do
  awk 'BEGIN{RS="\n---\n"; ORS=""} !/(^|\n)kind: policy(\n|$)/ {if (n++) print "\n---\n"; print}' "$f" >"$f.new"
  if grep -q '^kind:' "$f.new"; then mv "$f.new" "$f"; else rm -f "$f" "$f.new"; fi
done
! grep -rq '^kind: policy' "$T/p" || bad "a policy document is left in the copy"
# The tool ships the same projected calendar as the example.
cmp -s "$src/data/calendar-projected.yaml" "$src/examples/province/calendar-projected.yaml" ||
  bad "data/calendar-projected.yaml and examples/province/calendar-projected.yaml differ"

formats_of() {  # the -f values a command takes, from its own error message
  "$bin" "$@" -f no-such-format 2>&1 >/dev/null | sed -n 's/.*expected //p' | sed 's/ or /, /; s/,//g'
}
"$bin" schedule "$T/p" --from 2027 --as-of 2026-11-30 -f yaml -o "$T/plan.yaml" -q 2>/dev/null ||
  bad "schedule -f yaml on the copy failed"
scan() {  # scan DESCRIPTION: the output of the last run, in $T/out and $T/err
  runs=$((runs+1))
  # "17 个" alone is no leak: the example's ledger has a region with 17 problems (共 17 个问题).
  for s in 湖北省 XX省 '17 个地区' '17 个市' '规定 17 个' '17 regions' 'expects 17'; do
    if grep -qF -- "$s" "$T/out" "$T/err"; then
      bad "$1 shows '$s': $(grep -hF -m1 -- "$s" "$T/out" "$T/err" | cut -c1-160)"
    fi
  done
}
# The strings looked for are real: the example itself, with its policy, shows its name.
"$bin" schedule "$src/examples/province" --from 2027 --as-of 2026-11-30 2>&1 | grep -qF 湖北省 ||
  bad "the example's own schedule does not show 湖北省 (the scan would prove nothing)"
for lang in zh en; do
  for cmd in check deadlines teams ledger schedule staff; do
    case $cmd in
      schedule) extra=(--from 2027) ;;
      staff) extra=(--schedule "$T/plan.yaml") ;;
      *) extra=() ;;
    esac
    for f in $(formats_of "$cmd" "$T/p" "${extra[@]}"); do
      [ "$f" = xlsx ] && continue
      # ledger -f yaml is the format of --propose-lookbacks only.
      more=("${extra[@]}")
      [ "$cmd" = ledger ] && [ "$f" = yaml ] && more=(--propose-lookbacks)
      "$bin" --lang "$lang" "$cmd" "$T/p" "${more[@]}" --as-of 2026-11-30 -f "$f" >"$T/out" 2>"$T/err"
      code=$?
      [ $code -le 1 ] || bad "$lang $cmd -f $f: exit $code: $(head -c 300 "$T/err")"
      scan "$lang $cmd -f $f"
      if [ "$cmd" = check ]; then
        n=$(grep -cE 'names no province|未给出省份名称' "$T/err")
        [ "$n" = 1 ] || bad "$lang check -f $f: the missing province is said $n times on stderr, not once"
      fi
    done
  done
done
# The drafted documents name the issuer from the policy only ("省安全生产委员会" without it).
for lang in zh en; do
  for doc in "report --tour T2025-wuhan" "annual --year 2025" "assessment --year 2025" "work-plan --year 2025"; do
    for f in html json; do
      # shellcheck disable=SC2086  # $doc is the document and its flag
      "$bin" --lang "$lang" draft $doc "$T/p" --as-of 2026-11-30 -f "$f" >"$T/out" 2>"$T/err"
      code=$?
      [ $code = 0 ] || bad "$lang draft $doc -f $f: exit $code: $(head -c 300 "$T/err")"
      scan "$lang draft $doc -f $f"
    done
  done
done
[ $runs -ge 40 ] || bad "only $runs runs: the format lists were not found"
[ $fail = 0 ] || exit 1
echo "no example province: $runs runs (6 commands, every text format, zh and en; drafted documents): clean"
