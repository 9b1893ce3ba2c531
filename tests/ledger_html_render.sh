#!/usr/bin/env bash
# Renders the printable ledger (xuncha ledger -f html, Chinese by default) in headless Chromium:
# prints it to PDF and checks A4 landscape, the Chinese text, the header row repeated on every
# page, the overdue row marked, page numbers and that no word lies outside the type area.
# Exit 77 (skipped) only when chromium or poppler-utils is not installed.
set -u
bin=$1; src=$2; out=$3
for tool in chromium pdfinfo pdftotext; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }
done
mkdir -p "$out"
fc-list :lang=zh-cn | grep -q . || { echo "FAIL: no CJK font (install fonts-noto-cjk)"; exit 1; }
cd "$src" || exit 1
html="$out/ledger.html"; pdf="$out/ledger.pdf"
"$bin" ledger examples/province --as-of 2026-11-30 --by tour -f html -o "$html" || { echo "FAIL: xuncha"; exit 1; }
grep -q '<html lang="zh-CN">' "$html" || { echo "FAIL: not Chinese by default"; exit 1; }
grep -qi '<script' "$html" && { echo "FAIL: the page has a script"; exit 1; }
grep -Eqi '(src|href)="(https?:|//)' "$html" && { echo "FAIL: the page loads an external asset"; exit 1; }
grep -q 'class="late"' "$html" || { echo "FAIL: no overdue row marked"; exit 1; }
rm -f "$pdf"
profile=$(mktemp -d)
timeout 180 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --user-data-dir="$profile" \
  --print-to-pdf="$pdf" "file://$(realpath "$html")" >/dev/null 2>&1
rm -rf "$profile"
[ -s "$pdf" ] || { echo "FAIL: chromium wrote no PDF"; exit 1; }
pages=$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}')
size=$(pdfinfo "$pdf" | awk '/^Page size:/{print $3" x "$5}')
echo "pages: $pages, page size: $size pt"
case "$size" in 841.9*" x 59"[45]*|842*" x 59"[45]*) ;; *) echo "FAIL: not A4 landscape: $size"; exit 1 ;; esac
[ "$pages" -ge 5 ] || { echo "FAIL: 186 problems on $pages pages?"; exit 1; }
text=$(pdftotext -layout "$pdf" -)
for want in "XX省安全生产巡查反馈问题整改台账" "截至：2026年11月30日" "T2026-huangshi" "逾期30天" "合计：共 186 个问题" "销号率"; do
  grep -q "$want" <<<"$text" || { echo "FAIL: '$want' missing from the PDF text (font or layout problem)"; exit 1; }
done
for p in $(seq 1 "$pages"); do
  pdftotext -f "$p" -l "$p" -layout "$pdf" - | grep -q "整改措施" || { echo "FAIL: page $p has no header row"; exit 1; }
  pdftotext -f "$p" -l "$p" -layout "$pdf" - | tr -d ' ' | grep -qx "—${p}—" || { echo "FAIL: page $p has no page number"; exit 1; }
done
pdftotext -bbox "$pdf" "$out/ledger-bbox.html"
bad=$(awk -F'"' '/<word /{ xmin=$2; ymin=$4; xmax=$6; ymax=$8;
        if (ymin > 595.28-73.7 && $0 ~ />(—|[0-9]+)</) next;
        if (xmin < 99.2-2 || xmax > 841.89-104.9+2 || ymin < 79.4-16 || ymax > 595.28-73.7+16) print }' "$out/ledger-bbox.html" | head -5)
[ -z "$bad" ] || { echo "FAIL: text outside the type area:"; echo "$bad"; exit 1; }
echo "ok: $pages pages, header on each, page numbers, inside the type area"
