#!/usr/bin/env bash
# Every printable page printed by headless Chromium and its page breaks checked
# (tests/print_pages.py): the drafted documents (zh, and two in en), the ledger, the team plan, the
# schedule and the two diffs. On each: the title on page 1, no table row split over two pages, no
# page with a lone row of a table that runs over several pages, and such a table's header row on
# each of its pages. Exit 77 (skipped) when chromium or poppler-utils is not installed.
set -u
bin=$(realpath "$1"); src=$2; out=$3/print-pages
. "$(dirname "$0")/lib/print.sh"
require_print_tools pdfinfo
require_cjk_font
py=/usr/bin/python3; check=$(realpath "$(dirname "$0")/print_pages.py")
mkdir -p "$out"
cd "$src" || exit 1
d="examples/province --as-of 2026-11-30"
pages=(
  "report|draft report $d --tour T2025-wuhan"
  "feedback|draft feedback $d --tour T2025-ezhou"
  "announcement|draft announcement $d --tour T2026-xiaogan"
  "supervision|draft supervision $d --region wuhan"
  "assessment|draft assessment $d --year 2025"
  "annual-2025|draft annual $d --year 2025"
  "annual-2026|draft annual $d --year 2026"
  "work-plan|draft work-plan $d tests/data/staff/schedule-2027.yaml --year 2027"
  "team-plan|draft team-plan $d --year 2025"
  "team-plan-generated|draft team-plan $d tests/data/staff/schedule-2027.yaml --round 2027"
  "report-en|--lang en draft report $d --tour T2025-wuhan"
  "annual-en|--lang en draft annual $d --year 2026"
  "ledger|ledger $d --by tour"
  "staff|staff $d --schedule tests/data/staff/schedule-2027.yaml"
  "schedule|schedule $d --from 2027 --lang zh"
  "diff-schedule|diff tests/data/diff/schedule-old.yaml tests/data/diff/schedule-new.json --lang zh"
  "diff-plan|diff --lang en tests/data/diff/plan-old.yaml tests/data/diff/plan-new.yaml"
)
fail=0
for entry in "${pages[@]}"; do
  name=${entry%%|*}; args=${entry#*|}
  # shellcheck disable=SC2086
  # (diff exits 1 when the two differ, as these do)
  "$bin" $args -f html -o "$out/$name.html"; [ $? -le 1 ] && [ -s "$out/$name.html" ] || { echo "FAIL: xuncha $args"; fail=1; continue; }
  "$py" "$check" mark "$out/$name.html" "$out/$name.marked.html" || { echo "FAIL: $name: marking"; fail=1; continue; }
  print_pdf "$out/$name.marked.html" "$out/$name.pdf"
  "$py" "$check" check "$out/$name.marked.html" "$out/$name.pdf" || fail=1
done
exit $fail
