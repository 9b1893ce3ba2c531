#!/usr/bin/env bash
# The printable team plan (xuncha staff -f html, Chinese by default) in headless Chromium: printed
# to PDF, A4 landscape, the Chinese text came out (a CJK font was found), every cycle and team is
# there, no script and no external asset. Exit 77 (skipped) only when chromium or poppler is absent.
set -u
bin=$(realpath "$1"); src=$2; out=$3
for tool in chromium pdfinfo pdftotext; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }
done
mkdir -p "$out"
cd "$src" || exit 1
html="$out/teams.html"; pdf="$out/teams.pdf"
"$bin" staff examples/province --schedule tests/data/staff/schedule-2027.yaml --as-of 2026-11-30 -f html -o "$html" \
  || { echo "FAIL: xuncha"; exit 1; }
grep -qi '<script' "$html" && { echo "FAIL: the page has a script"; exit 1; }
grep -Eqi '(src|href)="(https?:|//)' "$html" && { echo "FAIL: the page loads an external asset"; exit 1; }
rm -f "$pdf"
profile=$(mktemp -d)
timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$profile" \
  --print-to-pdf="$pdf" "file://$(realpath "$html")" >/dev/null 2>&1
rm -rf "$profile"
[ -s "$pdf" ] || { echo "FAIL: chromium wrote no PDF"; exit 1; }
pages=$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}')
size=$(pdfinfo "$pdf" | awk '/^Page size:/{print $3" x "$5}')
echo "pages: $pages, page size: $size pt"
[ "$pages" -ge 3 ] && [ "$pages" -le 8 ] || { echo "FAIL: expected one page or two per cycle (3 cycles), got $pages"; exit 1; }
case "$size" in 841.9*" x 59"[45]*|842*" x 59"[45]*) ;; *) echo "FAIL: not A4 landscape: $size"; exit 1 ;; esac
text=$(pdftotext -layout "$pdf" -)
for want in "巡查组组成方案" "2027-2028 工作周期" "2031-2032 工作周期" "副组长" "联络员" "第4组" "省应急管理厅" "神农架"; do
  grep -q "$want" <<<"$text" || { echo "FAIL: '$want' missing from the PDF text (font or layout problem)"; exit 1; }
done
echo "OK: $pages pages"
