#!/usr/bin/env bash
# Renders the printable schedule (xuncha schedule -f html --lang zh) in headless Chromium: prints it
# to PDF, checks the page count, that the Chinese text came out (a CJK font was found) and that no
# word lies outside the page's type area; keeps a PNG of page 1 in the test output folder.
# Exit 77 (skipped) only when chromium or poppler-utils is not installed.
set -u
bin=$1; src=$2; out=$3
. "$(dirname "$0")/lib/print.sh"
require_print_tools pdftoppm
mkdir -p "$out"
require_cjk_font
cd "$src" || exit 1
html="$out/schedule.html"; pdf="$out/schedule.pdf"
"$bin" schedule examples/province --from 2027 --as-of 2026-11-30 --lang zh -f html -o "$html" || { echo "FAIL: xuncha"; exit 1; }
check_self_contained "$html"
print_pdf "$html" "$pdf"
check_a4_landscape "$pdf"
pages=$(pdf_pages "$pdf")
[ "$pages" -ge 3 ] && [ "$pages" -le 6 ] || { echo "FAIL: expected 3-6 pages (title+matrix, timeline, table), got $pages"; exit 1; }
check_pdf_text "$pdf" "附件" "安全生产巡查计划安排表" "覆盖情况" "巡查安排及期限一览表" "神农架林区" "恩施土家族苗族自治州" "第4组"
check_type_area "$pdf" "$out/bbox.html"
# The page numbers ("— 1 —", 4号 宋体) sit in the bottom margin, 7 mm below the type area: odd pages
# right, even pages left, one character in from the type area's edge.
for p in $(seq 1 "$pages"); do
  page_has_number "$pdf" "$p" || { echo "FAIL: page $p has no page number — $p —"; exit 1; }
  x=$(awk -F'"' -v p="$p" '/<page /{n++} n==p && />—</{print $2; exit}' "$out/bbox.html")
  side=$(awk -v x="$x" 'BEGIN{print (x > 421) ? "right" : "left"}')
  want=left; [ $((p % 2)) -eq 1 ] && want=right
  [ "$side" = "$want" ] || { echo "FAIL: page $p's number is on the $side, want $want"; exit 1; }
done
echo "page numbers: — 1 — … — $pages —, odd pages right, even pages left"
pdftoppm -f 1 -l 1 -r 80 -png -singlefile "$pdf" "$out/schedule-page1" || { echo "FAIL: pdftoppm"; exit 1; }
echo "ok: $out/schedule-page1.png"
