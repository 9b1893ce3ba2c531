#!/usr/bin/env bash
# Hostile-input corpus: generates (in a temp dir, at test time) inputs a careless or hostile
# user could feed to `xuncha check` and asserts that each ends in a clean exit (0, 1 or 2 as
# expected), never an internal error (3), a signal, a timeout or memory blow-up, and that
# exit-2 cases name a location (file:line:col, or `path:` where no line makes sense).
# Usage: run.sh BIN SRCDIR
set -u
shopt -s lastpipe  # yaml_case runs at the end of pipelines: keep its counters
BIN=$(realpath "$1")
SRC=$(realpath "$2")
AS_OF=2026-11-30
T=$(mktemp -d "${TMPDIR:-/tmp}/xuncha-hostile.XXXXXX")
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
cd "$T" || exit 1

ASAN=0
case "$BIN" in *asan*) ASAN=1 ;; esac
[ "${XUNCHA_ASAN:-0}" = 1 ] && ASAN=1

pass=0 fail=0 skip=0
failed=()

# run_case NAME EXPECTED(e.g. 2 or 1|2 or 0) LOC(loc|path:PATH|none) ARGS...
run_case() {
  local name=$1 expect=$2 loc=$3
  shift 3
  local start end secs rc
  start=$(date +%s.%N)
  (
    [ "$ASAN" = 1 ] || ulimit -v 4000000
    exec timeout 60 "$BIN" "$@" --as-of "$AS_OF" >"$T/out.txt" 2>"$T/err.txt" </dev/null
  )
  rc=$?
  end=$(date +%s.%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.2f", b-a}')
  local why=""
  if [ "$rc" -ge 124 ] || [ "$rc" = 3 ]; then
    why="crash/timeout/internal error (exit $rc)"
  elif ! [[ "|$expect|" == *"|$rc|"* ]]; then
    why="expected exit $expect, got $rc"
  elif [ "$rc" = 2 ]; then
    case "$loc" in
      loc) head -c 1000000 "$T/out.txt" "$T/err.txt" | grep -Eq ':[0-9]+:[0-9]+:' ||
             why="no file:line:col location in the output" ;;
      path:*) head -c 1000000 "$T/out.txt" "$T/err.txt" | grep -Fq "${loc#path:}:" ||
             why="no '${loc#path:}:' prefix in the output" ;;
    esac
  fi
  if [ -n "$why" ]; then
    fail=$((fail + 1)); failed+=("$name")
    printf 'FAIL %-34s exit %-3s %6ss  %s\n' "$name" "$rc" "$secs" "$why"
    head -c 600 "$T/err.txt" | sed 's/^/     stderr: /'
    head -c 600 "$T/out.txt" | sed 's/^/     stdout: /'
  else
    pass=$((pass + 1))
    printf 'ok   %-34s exit %-3s %6ss\n' "$name" "$rc" "$secs"
  fi
}
skip_case() { skip=$((skip + 1)); printf 'skip %-34s %s\n' "$1" "$2"; }

# A YAML case: file contents on stdin.
yaml_case() {  # NAME EXPECTED [LOC]
  local f="$T/$1.yaml"
  cat >"$f"
  run_case "$1" "$2" "${3:-loc}" check "$f"
}

REG='kind: regions
version: 1
regions:
  - id: wuhan
    name: 武汉市
    class: city
    counties: 13'

# ---- YAML syntax errors --------------------------------------------------------------------
printf 'kind: regions\nversion: 1\nregions: [\n  {id: a, name: A\n' | yaml_case syntax-unclosed-bracket 2
printf 'kind: regions\nversion: 1\nregions:\n  - {id: a, name: A, class: city\n' | yaml_case syntax-unclosed-brace 2
printf 'kind: regions\nversion: 1\nregions:\n  - id: a\n     name: A\n   class: city\n' | yaml_case syntax-bad-indent 2
printf 'kind: regions\nversion: 1\nregions:\n\t- id: a\n\t  name: A\n' | yaml_case syntax-tab-indent 2
printf 'kind: regions\nversion: 1\nregions:\n  - id: "a\n    name: A\n' | yaml_case syntax-unterminated-dquote 2
printf "kind: regions\nversion: 1\nregions:\n  - id: 'a\n    name: A\n" | yaml_case syntax-unterminated-squote 2
printf 'kind: regions\nversion: 1\nregions:\n  - id: a: b: c\n' | yaml_case syntax-stray-colon 2
printf 'kind: regions\nversion: 1\n: x\n' | yaml_case syntax-leading-colon 2
printf 'kind: regions\nversion: 1\nregions: ]\n' | yaml_case syntax-stray-close 2
printf 'kind: regions\nversion: 1\nregions: *nope\n' | yaml_case syntax-unknown-alias 2
printf 'kind: regions\nversion: 1\nregions: !!binary "%%%%"\n' | yaml_case syntax-odd-tag '1|2'
printf 'kind: regions\nversion: 1\n%%YAML 1.2\n' | yaml_case syntax-directive-late 2
printf 'kind: regions\nversion: 1\nregions: &a &b [x]\n' | yaml_case syntax-two-anchors 2
printf 'kind: regions\nversion: 1\nregions:\n  - ? [a, b]\n    : c\n' | yaml_case syntax-complex-key 2
# yaml-cpp 0.7 looped forever (allocating) on a top-level flow map followed by a comma.
printf '{a: 1},\n' | yaml_case syntax-flow-map-comma 2
printf '  {id: a},\n  {id: b}\n' | yaml_case syntax-flow-maps-comma 2

# ---- wrong types ---------------------------------------------------------------------------
printf 'just a scalar\n' | yaml_case type-root-scalar 2
printf -- '- a\n- b\n' | yaml_case type-root-list 2
printf 'kind: regions\nversion: 1\nregions: wuhan\n' | yaml_case type-list-is-scalar 2
printf 'kind: regions\nversion: 1\nregions: {id: a}\n' | yaml_case type-list-is-map 2
printf 'kind: regions\nversion: 1\nregions: [wuhan, hankou]\n' | yaml_case type-record-is-scalar 2
printf 'kind: regions\nversion: 1\nregions:\n  - id: {a: 1}\n    name: [x]\n    class: [city]\n    counties: {n: 1}\n' | yaml_case type-scalars-are-collections 2
printf 'kind: [regions]\nversion: 1\n' | yaml_case type-kind-is-list 2
printf 'kind: regions\nversion: {v: 1}\n' | yaml_case type-version-is-map 2
printf 'kind: tours\nversion: 1\ntours:\n  - id: t\n    region: r\n    start: [2026-01-01]\n    milestones: 2026-01-01\n    extension: 3\n' | yaml_case type-tour-fields 2
printf 'kind: teams\nversion: 1\nteams:\n  - id: g\n    leader: {p: 1}\n    members: {a: b}\n    experts: [[x]]\n' | yaml_case type-team-fields 2
printf 'kind: policy\nversion: 1\nteam_size: 5\ndays_on_site: [1, 2]\nrules: C104\n' | yaml_case type-policy-fields 2
printf 'kind: calendar\nversion: 1\nyears: [2027]\n' | yaml_case type-calendar-years 2
printf 'kind: people\nversion: 1\npeople:\n  - id: p\n    name: n\n    unit: u\n    serving: maybe\n    expert: yes\n' | yaml_case type-people-fields 2
printf 'kind: regions\nversion: 1\nregions:\n  - id: a\n    name: A\n    class: city\n    counties: "13"\n' | yaml_case type-quoted-integer 2

# ---- nesting, aliases, merge keys, duplicates -----------------------------------------------
python3 -c "import sys; sys.stdout.write('kind: regions\nversion: 1\nregions: ' + '['*100000 + ']'*100000 + '\n')" |
  yaml_case deep-flow-100k 2
python3 -c "import sys; sys.stdout.write('kind: regions\nversion: 1\nregions: ' + '{a: '*100000 + '1' + '}'*100000 + '\n')" |
  yaml_case deep-flow-map-100k 2
python3 -c "import sys; sys.stdout.write('kind: regions\nversion: 1\nregions:\n  ' + '- '*100000 + 'x\n')" |
  yaml_case deep-block-seq-100k 2
python3 -c "
import sys
w=sys.stdout.write
w('kind: regions\nversion: 1\nregions:\n')
for i in range(5000): w(' '*(2+i) + 'k:\n')
" | yaml_case deep-block-map-5k 2
python3 -c "
import sys
w=sys.stdout.write
w('kind: teams\nversion: 1\nx0: &a0 [p, p, p, p, p, p, p, p, p, p]\n')
for i in range(1, 10): w(f'x{i}: &a{i} [' + ', '.join(['*a%d' % (i-1)]*10) + ']\n')
w('teams:\n  - id: g\n    members: *a9\n    experts: *a9\n')
" | yaml_case billion-laughs 2
python3 -c "
import sys
w=sys.stdout.write
w('kind: regions\nversion: 1\nb0: &b0 {id: a, name: A, class: city, counties: 1}\n')
for i in range(1, 30): w(f'b{i}: &b{i} [*b{i-1}, *b{i-1}]\n')
w('regions: *b29\n')
" | yaml_case alias-doubling-list 2
python3 -c "
import sys
w=sys.stdout.write
w('kind: regions\nversion: 1\nm0: &m0 {id: a, name: A, class: city, counties: 1}\n')
for i in range(1, 40): w(f'm{i}: &m{i} {{<<: [*m{i-1}, *m{i-1}], k{i}: 1}}\n')
w('regions:\n  - <<: *m39\n')
" | yaml_case merge-key-bomb 2
printf 'kind: regions\nversion: 1\nbase: &b {name: A, class: city, counties: 1}\nregions:\n  - <<: *b\n    id: a\n  - <<: [*b, *b]\n    id: b\n  - <<: 5\n    id: c\n' |
  yaml_case merge-keys-mixed 2
printf 'kind: regions\nversion: 1\nregions: &r\n  - *r\n' | yaml_case alias-self-reference 2
printf 'kind: regions\nkind: regions\nversion: 1\nregions:\n  - id: a\n    id: b\n    name: A\n    name: B\n    class: city\n    counties: 1\n' |
  yaml_case duplicate-keys 2
python3 -c "
import sys
w=sys.stdout.write
w('kind: regions\nversion: 1\nregions:\n  - id: a\n    name: A\n    class: city\n    counties: 1\n')
for i in range(100000): w(f'    k{i%3}: {i}\n')
" | yaml_case duplicate-keys-100k 2

# ---- numbers and dates -----------------------------------------------------------------------
printf '%s\n' "$REG" | sed 's/counties: 13/counties: 99999999999999999999/' | yaml_case huge-integer 2
printf '%s\n' "$REG" | sed 's/counties: 13/counties: -99999999999999999999999999999999999999/' | yaml_case huge-negative-integer 2
printf '%s\n' "$REG" | sed 's/counties: 13/counties: 1e400/' | yaml_case float-overflow 2
printf '%s\n' "$REG" | sed 's/counties: 13/counties: .nan/' | yaml_case integer-nan 2
printf '%s\n' "$REG" | sed 's/counties: 13/counties: 0x7fffffffffffffff/' | yaml_case integer-hex 2
printf '%s\n    days: -5\n    risk: 99\n' "$REG" | yaml_case region-days-risk-out-of-range 2
for d in 0000-01-01 9999-12-31 2026-13-01 2026-02-29 -2026-01-01 2026-1-1 99999-01-01; do
  printf 'kind: tours\nversion: 1\ntours:\n  - id: t\n    region: r\n    team: g\n    start: %s\n    end: %s\n' "$d" "$d" |
    yaml_case "date-$d" 2
done
printf 'kind: policy\nversion: 1\ncoverage_years: -1\n' | yaml_case policy-coverage-negative 2
printf 'kind: policy\nversion: 1\nteam_size: {min: 9, max: 2}\n' | yaml_case policy-team-size-inverted 2
printf 'kind: policy\nversion: 1\nreport_workdays: 1e9\n' | yaml_case policy-workdays-1e9 2
printf 'kind: policy\nversion: 1\nreport_workdays: 1000000000\nrectification_results_months: 999999999\nlook_back_months: 2147483647\n' |
  yaml_case policy-absurd-numbers '1|2'
printf 'kind: policy\nversion: 1\nregions_expected: 0\ncoverage_years: 0\ncadence_years: 0\nteam_size: {min: 0, max: 0}\ndays_on_site: {city: 0}\n' |
  yaml_case policy-zeros '1|2'
printf 'kind: policy\nversion: 1\nrules: {C104: maybe, Z999: off}\n' | yaml_case policy-bad-rules 2
printf 'kind: calendar\nversion: 1\nyears:\n  99999:\n    holidays: [2027-01-01]\n  2027:\n    holidays: [2099-01-01]\n' |
  yaml_case calendar-bad-years 2
printf 'kind: region\nversion: 1\n' | yaml_case unknown-kind 2
printf 'kind: regions\nversion: 999999999999999999999\n' | yaml_case version-huge 2
printf 'kind: regions\nversion: 2\n' | yaml_case version-2 2
printf 'kind: regions\n' | yaml_case version-missing 2

# ---- encodings and odd bytes -----------------------------------------------------------------
printf 'kind: regions\nversion: 1\nregions:\n  - id: a\0b\n' | yaml_case nul-byte 2
printf 'kind: regions\nversion: 1\nregions:\n  - id: wuhan\n    name: \xce\xe4\xba\xba\xca\xd0\n' | yaml_case gbk-bytes 2
printf 'kind: regions\nversion: 1\nregions:\n  - id: a\n    name: \x81\x30\x81\x30\n' | yaml_case gb18030-four-byte 2
printf 'kind: regions\nversion: 1\nname: \xed\xa0\x80 \xc0\xaf \xf8\x88\x80\x80\x80\n' | yaml_case invalid-utf8 2
printf '%s\n' "$REG" | iconv -f UTF-8 -t UTF-16LE | { printf '\xff\xfe'; cat; } | yaml_case utf16le-bom 2
printf '%s\n' "$REG" | iconv -f UTF-8 -t UTF-16BE | { printf '\xfe\xff'; cat; } | yaml_case utf16be-bom 2
printf '%s\n' "$REG" | iconv -f UTF-8 -t UTF-16LE | yaml_case utf16le-no-bom 2
{ printf '\xef\xbb\xbf'; printf '%s\n' "$REG" | sed 's/$/\r/'; } | yaml_case bom-crlf-accepted '0|1'
printf 'kind: regions\rversion: 1\r' | yaml_case bare-cr-line-ends '1|2'
: | yaml_case empty-file 2
printf '   \n\t\n  \n' | yaml_case whitespace-only 2
printf '# just\n# comments\n---\n...\n' | yaml_case comment-only 2
printf '\xef\xbb\xbf' | yaml_case bom-only 2

# ---- size --------------------------------------------------------------------------------------
{ printf '%s\n# ' "$REG"; head -c 100000000 /dev/zero | tr '\0' 'a'; printf '\n'; } >"$T/big-100mb.yaml"
run_case big-100mb-comment '0|1|2' loc check "$T/big-100mb.yaml"
{ printf 'kind: regions\nversion: 1\nregions:\n  - id: a\n    name: A\n    class: city\n    counties: '; head -c 20000000 /dev/zero | tr '\0' '7'; printf '\n'; } >"$T/big-20mb-integer.yaml"
run_case big-20mb-integer 2 loc check "$T/big-20mb-integer.yaml"
python3 -c "
import sys
w=sys.stdout.write
w('kind: regions\nversion: 1\nregions:\n')
for i in range(50000): w(f'  - id: r{i}\n    name: R{i}\n    class: city\n    counties: 3\n')
for i in range(800000): w('# filler\n')
" >"$T/million-lines.yaml"
run_case million-lines '1|2' loc check "$T/million-lines.yaml"
python3 -c "import sys; sys.stdout.write('kind: regions\nversion: 1\nregions: [' + ','.join(['x']*1000000) + ']\n')" >"$T/million-items.yaml"
run_case million-flow-items 2 loc check "$T/million-items.yaml"

# ---- paths ---------------------------------------------------------------------------------------
mkdir -p "$T/many"
python3 -c "
import os
for i in range(10000):
    with open(os.path.join('$T/many', f'r{i:05d}.yaml'), 'w') as f:
        f.write(f'kind: regions\nversion: 1\nregions:\n  - id: r{i}\n    name: R{i}\n    class: city\n    counties: 1\n')
"
run_case folder-10000-files '1|2' loc check "$T/many"
run_case folder-10000-files-j8 '1|2' loc check "$T/many" -j 8
printf '%s\n' "$REG" >"$T/secret.yaml"
chmod 000 "$T/secret.yaml"
if [ "$(id -u)" != 0 ]; then
  run_case unreadable-file 2 "path:$T/secret.yaml" check "$T/secret.yaml"
elif command -v setpriv >/dev/null; then
  chmod 755 "$T"
  start=$(date +%s.%N)
  ( [ "$ASAN" = 1 ] || ulimit -v 4000000
    exec setpriv --reuid=nobody --regid=nogroup --clear-groups timeout 60 "$BIN" check "$T/secret.yaml" --as-of $AS_OF \
      >"$T/out.txt" 2>"$T/err.txt" </dev/null )
  rc=$?
  if [ "$rc" = 2 ] && grep -Fq "$T/secret.yaml:" "$T/out.txt" "$T/err.txt"; then
    pass=$((pass + 1)); printf 'ok   %-34s exit %-3s (as nobody)\n' unreadable-file "$rc"
  elif [ "$rc" = 126 ] || [ "$rc" = 127 ]; then
    skip_case unreadable-file "nobody cannot execute $BIN (exit $rc)"
  else
    fail=$((fail + 1)); failed+=(unreadable-file)
    printf 'FAIL %-34s exit %-3s\n' unreadable-file "$rc"; head -c 600 "$T/err.txt"
  fi
else
  skip_case unreadable-file "running as root and setpriv is missing"
fi
mkdir -p "$T/noyaml/sub"; echo hi >"$T/noyaml/readme.txt"
run_case folder-without-yaml '0|1|2' none check "$T/noyaml"
mkfifo "$T/fifo.yaml"
run_case fifo 2 "path:$T/fifo.yaml" check "$T/fifo.yaml"
run_case device-dev-zero 2 "path:/dev/zero" check /dev/zero
run_case device-dev-null 2 "path:/dev/null" check /dev/null
run_case missing-path 2 "path:$T/nope.yaml" check "$T/nope.yaml"
mkdir -p "$T/loops/a"
printf '%s\n' "$REG" >"$T/loops/a/r.yaml"
ln -s .. "$T/loops/a/up"; ln -s ../loops "$T/loops/self"; ln -s x.yaml "$T/loops/y.yaml"; ln -s y.yaml "$T/loops/x.yaml"
ln -s a "$T/loops/a.yaml"
run_case symlink-loops '1|2' "path:$T/loops/x.yaml" check "$T/loops"
mkdir -p "$T/dups"
printf '%s\n' "$REG" >"$T/dups/one.yaml"; printf '%s\n' "$REG" >"$T/dups/two.yaml"
run_case duplicate-ids-across-files 2 loc check "$T/dups"
run_case same-file-twice '1|2' none check "$T/dups/one.yaml" "$T/dups/one.yaml" "$T/dups/./one.yaml"
run_case policy-is-folder 2 "path:$T/dups" check "$T/dups/one.yaml" --policy "$T/dups"
run_case calendar-is-dev-zero 2 "path:/dev/zero" check "$T/dups/one.yaml" --calendar /dev/zero

# -o onto an input must be refused and leave the input unchanged.
cp -r "$SRC/examples/province" "$T/prov"
before=$(cat "$T"/prov/*.yaml | cksum)
run_case output-onto-input-file 2 none check "$T/prov" -o "$T/prov/regions.yaml"
run_case output-onto-input-via-dotdot 2 none check "$T/prov/regions.yaml" -o "$T/prov/../prov/regions.yaml"
ln -s "$T/prov/tours.yaml" "$T/tours-link.yaml"
run_case output-onto-input-via-symlink 2 none check "$T/prov" -o "$T/tours-link.yaml"
after=$(cat "$T"/prov/*.yaml | cksum)
if [ "$before" = "$after" ]; then
  pass=$((pass + 1)); printf 'ok   %-34s inputs unchanged\n' output-inputs-unchanged
else
  fail=$((fail + 1)); failed+=(output-inputs-unchanged); printf 'FAIL %-34s an input changed\n' output-inputs-unchanged
fi
run_case output-is-folder 2 none check "$T/prov" -o "$T/prov"

total=$((pass + fail))
echo "hostile: $total cases, $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ] || { echo "failed: ${failed[*]}"; exit 1; }
