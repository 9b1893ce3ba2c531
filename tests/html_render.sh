#!/usr/bin/env bash
# Renders the printable schedule (xuncha schedule -f html --lang zh) in headless Chromium: prints it
# to PDF, checks the page count, that the Chinese text came out (a CJK font was found) and that no
# word lies outside the page's type area; keeps a PNG of page 1 in the test output folder.
# Exit 77 (skipped) only when chromium or poppler-utils is not installed.
set -u
bin=$1; src=$2; out=$3
for tool in chromium pdfinfo pdftotext pdftoppm; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }
done
mkdir -p "$out"
fc-list :lang=zh-cn | grep -q . || { echo "FAIL: no CJK font (install fonts-noto-cjk)"; exit 1; }
cd "$src" || exit 1
html="$out/schedule.html"; pdf="$out/schedule.pdf"
"$bin" schedule examples/province --from 2027 --as-of 2026-11-30 --lang zh -f html -o "$html" || { echo "FAIL: xuncha"; exit 1; }
grep -qi '<script' "$html" && { echo "FAIL: the page has a script"; exit 1; }
grep -Eqi '(src|href)="(https?:|//)' "$html" && { echo "FAIL: the page loads an external asset"; exit 1; }
rm -f "$pdf"
profile=$(mktemp -d)
timeout 120 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$profile" \
  --print-to-pdf="$pdf" "file://$(realpath "$html")" >/dev/null 2>&1
rm -rf "$profile"
# Chromium exits 0 even when it wrote nothing.
[ -s "$pdf" ] || { echo "FAIL: chromium wrote no PDF"; exit 1; }
pages=$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}')
size=$(pdfinfo "$pdf" | awk '/^Page size:/{print $3" x "$5}')
echo "pages: $pages, page size: $size pt"
[ "$pages" -ge 3 ] && [ "$pages" -le 6 ] || { echo "FAIL: expected 3-6 pages (title+matrix, timeline, table), got $pages"; exit 1; }
# A4 landscape is 841.89 x 595.28 pt.
case "$size" in 841.9*" x 59"[45]*|842*" x 59"[45]*) ;; *) echo "FAIL: not A4 landscape: $size"; exit 1 ;; esac
text=$(pdftotext -layout "$pdf" -)
for want in "附件" "安全生产巡查计划安排表" "覆盖情况" "巡查安排及期限一览表" "神农架林区" "恩施土家族苗族自治州" "第4组"; do
  grep -q "$want" <<<"$text" || { echo "FAIL: '$want' missing from the PDF text (font or layout problem)"; exit 1; }
done
# Every word inside the type area: margins 28/37/26/35 mm = 79.4/104.9/73.7/99.2 pt; 2 pt slack across,
# 16 pt up and down (a CJK word's box includes the font's ascent and descent).
pdftotext -bbox "$pdf" "$out/bbox.html"
# The page numbers ("— 1 —", 4号 宋体) sit in the bottom margin, 7 mm below the type area: odd pages
# right, even pages left, one character in from the type area's edge.
bad=$(awk -F'"' '/<word /{ xmin=$2; ymin=$4; xmax=$6; ymax=$8;
        if (ymin > 595.28-73.7 && $0 ~ />(—|[0-9]+)</) next;
        if (xmin < 99.2-2 || xmax > 841.89-104.9+2 || ymin < 79.4-16 || ymax > 595.28-73.7+16) print }' "$out/bbox.html" | head -5)
[ -z "$bad" ] || { echo "FAIL: text outside the type area:"; echo "$bad"; exit 1; }
# pdftotext drops the narrow spaces around the number: "— 1 —" comes out as "—1—".
for p in $(seq 1 "$pages"); do
  foot=$(pdftotext -f "$p" -l "$p" -layout "$pdf" - | tr -d ' ' | grep -x "—${p}—")
  [ -n "$foot" ] || { echo "FAIL: page $p has no page number — $p —"; exit 1; }
  x=$(awk -F'"' -v p="$p" '/<page /{n++} n==p && />—</{print $2; exit}' "$out/bbox.html")
  side=$(awk -v x="$x" 'BEGIN{print (x > 421) ? "right" : "left"}')
  want=left; [ $((p % 2)) -eq 1 ] && want=right
  [ "$side" = "$want" ] || { echo "FAIL: page $p's number is on the $side, want $want"; exit 1; }
done
echo "page numbers: — 1 — … — $pages —, odd pages right, even pages left"
pdftoppm -f 1 -l 1 -r 80 -png -singlefile "$pdf" "$out/schedule-page1" || { echo "FAIL: pdftoppm"; exit 1; }
echo "ok: $out/schedule-page1.png"
