#!/usr/bin/env bash
# Renders the printable ledger (xuncha ledger -f html, Chinese by default) in headless Chromium:
# prints it to PDF and checks A4 landscape, the Chinese text, the sections (hazards, leads,
# public reports, look-backs) and the repeat mark, the header row repeated on every page, the
# overdue row marked, page numbers and that no word lies outside the type area.
# Exit 77 (skipped) only when chromium or poppler-utils is not installed.
set -u
bin=$1; src=$2; out=$3
. "$(dirname "$0")/lib/print.sh"
require_print_tools
mkdir -p "$out"
require_cjk_font
cd "$src" || exit 1
html="$out/ledger.html"; pdf="$out/ledger.pdf"
"$bin" ledger examples/province --as-of 2026-11-30 --by tour -f html -o "$html" || { echo "FAIL: xuncha"; exit 1; }
grep -q '<html lang="zh-CN">' "$html" || { echo "FAIL: not Chinese by default"; exit 1; }
check_self_contained "$html"
grep -q 'class="late"' "$html" || { echo "FAIL: no overdue row marked"; exit 1; }
print_pdf "$html" "$pdf" 180
check_a4_landscape "$pdf"
pages=$(pdf_pages "$pdf")
[ "$pages" -ge 5 ] || { echo "FAIL: 186 problems on $pages pages?"; exit 1; }
check_pdf_text "$pdf" "湖北省安全生产巡查反馈问题整改台账" "截至：2026年11月30日" "T2026-huangshi" "逾期30天" "合计：共 186 个问题" "销号率" \
  "屡查屡犯" "二、重大事故隐患挂牌督办" "液氯储罐区" "待挂牌" "三、问题线索移交和办理" "政法委" "待移交" \
  "四、群众举报未办结" "五、应开展的回头看"
# Every page shows a table's header row: the problems' (整改措施), then each section's.
for p in $(seq 1 "$pages"); do
  pdftotext -f "$p" -l "$p" -layout "$pdf" - | grep -qE "整改措施|挂牌级别|接收机关|核查期限|实际开展" || { echo "FAIL: page $p has no header row"; exit 1; }
  page_has_number "$pdf" "$p" || { echo "FAIL: page $p has no page number"; exit 1; }
done
check_type_area "$pdf" "$out/ledger-bbox.html"
echo "ok: $pages pages, header on each, page numbers, inside the type area"
