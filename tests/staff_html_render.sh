#!/usr/bin/env bash
# The printable team plan (xuncha staff -f html, Chinese by default) in headless Chromium: printed
# to PDF, A4 landscape, the Chinese text came out (a CJK font was found), every cycle and team is
# there, no script and no external asset. Exit 77 (skipped) only when chromium or poppler is absent.
set -u
bin=$(realpath "$1"); src=$2; out=$3
. "$(dirname "$0")/lib/print.sh"
require_print_tools
mkdir -p "$out"
cd "$src" || exit 1
html="$out/teams.html"; pdf="$out/teams.pdf"
"$bin" staff examples/province --schedule tests/data/staff/schedule-2027.yaml --as-of 2026-11-30 -f html -o "$html" \
  || { echo "FAIL: xuncha"; exit 1; }
check_self_contained "$html"
print_pdf "$html" "$pdf"
check_a4_landscape "$pdf"
pages=$(pdf_pages "$pdf")
[ "$pages" -ge 3 ] && [ "$pages" -le 8 ] || { echo "FAIL: expected one page or two per cycle (3 cycles), got $pages"; exit 1; }
check_pdf_text "$pdf" "巡查组组成方案" "2027 工作周期" "2031 工作周期" "副组长" "联络员" "第4组" "省应急管理厅" "神农架"
echo "OK: $pages pages"
